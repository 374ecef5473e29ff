using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Ledger;

/// <summary>The ledger's statements on both databases: who is credited, each effect once, and the sign rules.</summary>
public sealed class LedgerRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Credit_OnlyCollectionMerchantsAndTheDeploymentsApp_OncePerPayment_FeeOnce_BalanceIsTheSum(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "ledger");
        var merchants = new MerchantRepository(db);
        var collected = await merchants.UpsertAsync("254700000001", "Acme", Now, default);
        var till = await merchants.UpsertAsync("254700000002", "Duka", Now, default);

        var (first, again, ownApp, onTill, balance, entries) = await db.InTransactionAsync(async (c, t) =>
        {
            await MerchantRepository.SetPayRouteAsync(c, t, collected.Id, PayRoutes.Collection, null, null, Now, default);
            await MerchantRepository.SetPayRouteAsync(c, t, till.Id, PayRoutes.Till, "832909", null, Now, default);
            var paid = await PaymentAsync(c, t, "a", 150_000);
            var viaOwnApp = await PaymentAsync(c, t, "b", 50_000);
            await c.ExecuteAsync("UPDATE payments SET daraja_account = 'm1v1' WHERE id = @viaOwnApp", new { viaOwnApp }, t);
            var tillPaid = await PaymentAsync(c, t, "c", 70_000);

            var first = await LedgerRepository.TryCreditAsync(c, t, collected.Id, paid, Now, default);
            var again = await LedgerRepository.TryCreditAsync(c, t, collected.Id, paid, Now, default);
            await LedgerRepository.AddFeeAsync(c, t, collected.Id, paid, 2_250, Now, default);
            await LedgerRepository.AddFeeAsync(c, t, collected.Id, paid, 2_250, Now, default);
            var ownApp = await LedgerRepository.TryCreditAsync(c, t, collected.Id, viaOwnApp, Now, default);
            var onTill = await LedgerRepository.TryCreditAsync(c, t, till.Id, tillPaid, Now, default);
            return (first, again, ownApp, onTill, await LedgerRepository.BalanceAsync(c, t, collected.Id, default),
                await LedgerRepository.ListAsync(c, t, collected.Id, 0, 10, default));
        }, default);

        Assert.Equal(150_000, first);
        Assert.Null(again);
        Assert.Null(ownApp);
        Assert.Null(onTill);
        Assert.Equal(147_750, balance);
        Assert.Equal([(LedgerEntryKind.Fee, -2_250L), (LedgerEntryKind.Credit, 150_000L)], entries.Select(e => (e.Kind, e.AmountCents)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Payout_OncePerMerchantAndReference_APositivePayoutIsRefusedByTheDatabase(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "ledger");
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", Now, default);

        var (first, again, found) = await db.InTransactionAsync(async (c, t) =>
        {
            var first = await LedgerRepository.TryAddPayoutAsync(c, t, merchant.Id, 10_000, "QK12ABC34D", "by hand", "operator", Now, default);
            var again = await LedgerRepository.TryAddPayoutAsync(c, t, merchant.Id, 10_000, "QK12ABC34D", null, "operator", Now, default);
            return (first, again, await LedgerRepository.GetPayoutAsync(c, t, merchant.Id, "QK12ABC34D", default));
        }, default);
        var positive = await Record.ExceptionAsync(() => db.InTransactionAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO ledger_entries (merchant_id, kind, amount_cents, payout_reference, created_by, created_at) VALUES (@id, 'payout', 100, 'X1', 'x', @Now)",
            new { id = merchant.Id, Now }, t), default));

        Assert.Equal((LedgerEntryKind.Payout, -10_000L, "by hand"), (first!.Kind, first.AmountCents, first.Note));
        Assert.Null(again);
        Assert.Equal(first.Id, found!.Id);
        Assert.NotNull(positive);
    }

    private static async Task<long> PaymentAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, string key, long cents) =>
        (await PaymentRepository.TryInsertAsync(c, t, new Payment
        {
            Method = PaymentMethod.C2b, Status = PaymentStatus.Success, AmountCents = cents, IdempotencyKey = "c2b:" + key,
            MpesaReceipt = "R" + key, CreatedAt = Now, SettledAt = Now,
        }, default))!.Value;
}
