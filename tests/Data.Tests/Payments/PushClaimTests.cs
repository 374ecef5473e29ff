using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Payments;

/// <summary>The STK push worker's claim stays one index lookup however many payments the deployment has taken.</summary>
public sealed class PushClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ClaimNextPush_AmongThousandsAlreadyPushedOrSettled_ReadsTheDueOneNotEveryLivePayment()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(Dialect.Postgres, "push_claim");
        await using var c = await db.OpenAsync(default);
        // Years of history in miniature: payments settled, pushed and waiting for their callbacks, then one new tap.
        await c.ExecuteAsync("""
            INSERT INTO payments (method, status, amount_cents, idempotency_key, push_started_at, created_at, updated_at)
            SELECT 'STK', CASE WHEN g % 10 = 0 THEN 'INITIATED' ELSE 'SUCCESS' END, 100 + g, 'history-' || g, @Now, @Now, @Now
            FROM generate_series(1, 5000) g;
            INSERT INTO payments (method, status, amount_cents, idempotency_key, created_at, updated_at)
            VALUES ('STK', 'INITIATED', 1500, 'the-tap', @Now, @Now);
            ANALYZE payments;
            """, new { Now });
        var payments = new PaymentRepository(db);

        var (claimed, readForTheTap) = await ClaimCountingAsync(payments, c);
        var (none, readWhenNoneDue) = await ClaimCountingAsync(payments, c);

        Assert.Equal("the-tap", claimed?.IdempotencyKey);
        Assert.Null(none);
        // Counted by the claim's own transaction: a lookup in the due index and the row itself. Before the index the
        // claim read every live STK payment to find the one not yet pushed: 502 rows here.
        Assert.InRange(readForTheTap, 1, 10);
        Assert.InRange(readWhenNoneDue, 0, 10);
    }

    private static async Task<(Payment? Claimed, long RowsRead)> ClaimCountingAsync(PaymentRepository payments, DbConnection c)
    {
        await using var t = await c.BeginTransactionAsync();
        var claimed = await payments.ClaimNextPushAsync(c, t, Now, default);
        var read = await c.ExecuteScalarAsync<long>(
            "SELECT coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0) FROM pg_stat_xact_user_tables WHERE relname = 'payments'", transaction: t);
        await t.CommitAsync();
        return (claimed, read);
    }
}
