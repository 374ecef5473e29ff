using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Outbox;

/// <summary>
/// The claim takes due rows in virtual-time order: one merchant's burst is spread out ahead, so a
/// message queued after it by another merchant (or by no merchant) is among the next claimed, while
/// each merchant's own rows keep their order and retries keep their backoff.
/// </summary>
public sealed class OutboxFairClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(Db Db, long A, long B)> StartAsync(Dialect dialect)
    {
        var db = await TestDatabases.CreateMigratedAsync(dialect, "fair");
        var merchants = new MerchantRepository(db);
        var a = await merchants.CreateAsync("254700000101", "Burst Ltd", "en", "ACTIVE", Now, default);
        var b = await merchants.CreateAsync("254700000102", "Single Ltd", "en", "ACTIVE", Now, default);
        return (db, a!.Id, b!.Id);
    }

    private static Task QueueAsync(Db db, long? merchantId, string key, int count, DateTimeOffset at) =>
        db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 0; i < count; i++)
                await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due("2547" + (10_000_000 + i), OutboxPurpose.Notice,
                    new OutboundMessage { Text = "hi" }, $"{key}:{i}", at, merchantId), default);
        }, default);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Claim_OneMerchantBurstThenAnotherMerchantsSingle_SingleAndUnownedGoNext(Dialect dialect)
    {
        var (db, a, b) = await StartAsync(dialect);
        await using var _ = db;
        var rows = new OutboxDispatchRepository(db);
        await QueueAsync(db, a, "a", 200, Now);
        var later = Now.AddMilliseconds(500);
        await QueueAsync(db, b, "b", 1, later);
        await QueueAsync(db, null, "alert", 1, later);

        // A's first rows (virtual time now, now + 1 turn, …) up to B's, then B's and the operator alert, then A's next.
        var claimed = await rows.ClaimAsync(10, later, later.AddSeconds(30), default);

        Assert.Equal(10, claimed.Count);
        Assert.Contains(claimed, r => r.MerchantId == b);
        Assert.Contains(claimed, r => r.MerchantId is null);
        var ofA = claimed.Where(r => r.MerchantId == a).Select(r => r.DedupeKey).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"a:{i}"), ofA);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Claim_MerchantWithoutBacklog_QueuesAtItsDueTime(Dialect dialect)
    {
        var (db, a, _) = await StartAsync(dialect);
        await using var _db = db;
        var rows = new OutboxDispatchRepository(db);
        await QueueAsync(db, a, "first", 3, Now);
        Assert.Equal(3, (await rows.ClaimAsync(10, Now, Now.AddSeconds(30), default)).Count);

        // Nothing of A's is pending any more: its next message is not pushed behind the three it already sent.
        var later = Now.AddSeconds(1);
        await QueueAsync(db, a, "next", 1, later);

        var row = Assert.Single(await new OutboxRepository(db).ListAsync(default), r => r.DedupeKey == "next:0");
        Assert.Equal(VirtualTime.Of(later), row.VirtualAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Claim_RowRescheduledForLater_NotClaimedBeforeItsRetryThenClaimed(Dialect dialect)
    {
        var (db, a, b) = await StartAsync(dialect);
        await using var _ = db;
        var rows = new OutboxDispatchRepository(db);
        await QueueAsync(db, a, "a", 1, Now);
        var first = Assert.Single(await rows.ClaimAsync(10, Now, Now.AddSeconds(30), default));
        var retryAt = Now.AddSeconds(5);
        Assert.True(await rows.RescheduleAsync(first.Id, first.LockedUntil, 1, "", retryAt, "rate_limited", Now, default));
        await QueueAsync(db, b, "b", 1, Now.AddSeconds(1));

        var beforeRetry = await rows.ClaimAsync(10, Now.AddSeconds(1), Now.AddSeconds(31), default);
        var atRetry = await rows.ClaimAsync(10, retryAt, retryAt.AddSeconds(30), default);

        Assert.Equal(["b:0"], beforeRetry.Select(r => r.DedupeKey));
        Assert.Equal(["a:0"], atRetry.Select(r => r.DedupeKey));
        Assert.Equal(1, atRetry[0].Attempts);
    }
}
