using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Payouts;

/// <summary>The payout statements on both databases: one a day, claimed once, paid once, what is held back.</summary>
public sealed class PayoutRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Record_OncePerMerchantAndDay_RetriesOnce_InFlightIsWhatIsOnItsWay(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "payouts");
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", Now, default);

        var (first, sameDay, nextDay, retry, retryAgain, inFlight) = await db.InTransactionAsync(async (c, t) =>
        {
            var first = await PayoutRepository.TryRecordAsync(c, t, merchant.Id, 100_000, merchant.Phone, "2026-12-01", null, "schedule", Now, default);
            var sameDay = await PayoutRepository.TryRecordAsync(c, t, merchant.Id, 50_000, merchant.Phone, "2026-12-01", null, "schedule", Now, default);
            var nextDay = await PayoutRepository.TryRecordAsync(c, t, merchant.Id, 20_000, merchant.Phone, "2026-12-02", null, "schedule", Now, default);
            var retry = await PayoutRepository.TryRecordAsync(c, t, merchant.Id, 100_000, merchant.Phone, null, first!.Id, "operator", Now, default);
            var retryAgain = await PayoutRepository.TryRecordAsync(c, t, merchant.Id, 100_000, merchant.Phone, null, first.Id, "operator", Now, default);
            return (first, sameDay, nextDay, retry, retryAgain, await PayoutRepository.InFlightAsync(c, t, merchant.Id, default));
        }, default);

        Assert.Equal(PayoutStatus.Pending, first!.Status);
        Assert.Matches("^po-[0-9a-f]{12}$", first.OriginatorConversationId);
        Assert.Null(sameDay);
        Assert.NotNull(nextDay);
        Assert.NotEqual(first.OriginatorConversationId, retry!.OriginatorConversationId);
        Assert.Null(retryAgain);
        Assert.Equal(220_000, inFlight);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Claim_ConcurrentClaimsTakeEachPayoutOnce_PaidOnce_FailedFreesTheAmount(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "payouts");
        var repository = new PayoutRepository(db);
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", Now, default);
        var ids = await db.InTransactionAsync(async (c, t) =>
        {
            var made = new List<long>();
            for (var i = 0; i < 6; i++)
                made.Add((await PayoutRepository.TryRecordAsync(c, t, merchant.Id, 10_000, merchant.Phone, $"2026-12-{i + 1:D2}", null, "schedule", Now, default))!.Id);
            return made;
        }, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => repository.ClaimSendsAsync(Now, Now.AddMinutes(1), 3, 10, default)));
        var again = await repository.ClaimSendsAsync(Now.AddSeconds(30), Now.AddMinutes(2), 3, 10, default);
        var afterLease = await repository.ClaimSendsAsync(Now.AddMinutes(1), Now.AddMinutes(2), 3, 10, default);
        var paid = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => db.InTransactionAsync((c, t) =>
            PayoutRepository.TryMarkPaidAsync(c, t, ids[0], "SG632NMUAB", "AG_1", "ok", Now, default), default)));
        var failed = await repository.TryMarkFailedAsync(ids[1], "1", "short of money", Now, default);
        var failedPaid = await db.InTransactionAsync((c, t) => PayoutRepository.TryMarkPaidAsync(c, t, ids[1], "SG632NMUAC", null, "late", Now, default), default);
        await using var connection = await db.OpenAsync(default);
        var inFlight = await PayoutRepository.InFlightAsync(connection, null, merchant.Id, default);

        Assert.Equal(ids.Order(), claims.SelectMany(c => c).Select(p => p.Id).Order());
        Assert.All(claims.SelectMany(c => c), p => Assert.Equal((PayoutStatus.Sending, 1), (p.Status, p.SendAttempts)));
        Assert.Empty(again);
        Assert.Equal(6, afterLease.Count); // past the lease: sent again, same ids
        Assert.All(afterLease, p => Assert.Equal(2, p.SendAttempts));
        Assert.Single(paid, p => p is not null);
        Assert.Equal(PayoutStatus.Failed, failed!.Status);
        Assert.Null(failedPaid);
        Assert.Equal(40_000, inFlight);
    }
}
