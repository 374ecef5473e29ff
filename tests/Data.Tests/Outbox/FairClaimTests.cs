using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Outbox;

/// <summary>One merchant's burst cannot hold back another merchant's message: a claim takes each merchant's oldest in turn.</summary>
public sealed class FairClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Claim_AfterAnotherMerchantsBurstOf2000_TakesTheLoneMessageFirstRound(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "fair");
        var merchants = new MerchantRepository(db);
        var busy = (await merchants.CreateAsync("254722000001", "Busy Shop", "en", MerchantStatus.Active, Now, default))!;
        var quiet = (await merchants.CreateAsync("254722000002", "Quiet Shop", "en", MerchantStatus.Active, Now, default))!;
        await db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 0; i < 2000; i++)
                await OutboxRepository.EnqueueAsync(c, t, Entry($"busy:{i}", Now.AddSeconds(-60).AddMilliseconds(i), busy.Id), default);
            await OutboxRepository.EnqueueAsync(c, t, Entry("quiet:0", Now, quiet.Id), default);
            await OutboxRepository.EnqueueAsync(c, t, Entry("system:0", Now, null), default);
        }, default);
        var rows = new OutboxDispatchRepository(db);

        var first = await rows.ClaimAsync(8, Now, Now.AddSeconds(30), default);
        var second = await rows.ClaimAsync(8, Now, Now.AddSeconds(30), default);

        Assert.Equal(8, first.Count);
        Assert.Contains(first, r => r.DedupeKey == "quiet:0");
        Assert.Contains(first, r => r.DedupeKey == "system:0");
        // The busy merchant's messages still go oldest first, and none is claimed twice.
        Assert.Equal(["busy:0", "busy:1", "busy:2", "busy:3", "busy:4", "busy:5"], first.Where(r => r.MerchantId == busy.Id).Select(r => r.DedupeKey));
        Assert.Equal(Enumerable.Range(6, 8).Select(i => $"busy:{i}"), second.Select(r => r.DedupeKey));
    }

    private static OutboxEntry Entry(string key, DateTimeOffset at, long? merchantId) =>
        OutboxEntry.Due("254712345678", OutboxPurpose.Reply, new OutboundMessage { Text = "hi" }, key, at, merchantId);
}
