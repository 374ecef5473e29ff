using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Ops;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Ops;

/// <summary>The operator console's statements on both dialects: counts, volumes, a retry and a resolution that each take once.</summary>
public sealed class OpsRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Volumes_OfTheListedMerchantsSinceTheMoment_CancelledLeftOut(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "ops");
        var merchants = new MerchantRepository(db);
        var a = (await merchants.CreateAsync("254700000001", "Acme", "en", MerchantStatus.Active, Now, default))!;
        var b = (await merchants.CreateAsync("254700000002", "Duka", "en", MerchantStatus.Active, Now, default))!;
        await InvoiceAsync(db, a.Id, "a1", 150_000, 50_000, "PARTIALLY_PAID", Now);
        await InvoiceAsync(db, a.Id, "a2", 20_000, 0, "CANCELLED", Now);
        await InvoiceAsync(db, a.Id, "a3", 99_900, 99_900, "PAID", Now.AddMonths(-2));
        await InvoiceAsync(db, b.Id, "b1", 10_000, 10_000, "PAID", Now);

        var volumes = await new MerchantVolumeRepository(db).SinceAsync([a.Id], Now.AddDays(-1), default);

        var volume = Assert.Single(volumes).Value;
        Assert.Equal((a.Id, 1L, 150_000L, 50_000L), (volume.MerchantId, volume.Invoices, volume.InvoicedCents, volume.CollectedCents));
        Assert.Empty(await new MerchantVolumeRepository(db).SinceAsync([], Now, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Retry_ADeadLetter_BackToPendingOnce_AndCountedUntilThen(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "ops");
        var id = await db.InTransactionAsync(async (c, t) =>
        {
            await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due("254712345678", OutboxPurpose.Receipt,
                new OutboundMessage { Text = "Paid" }, "k1", Now), default);
            return await c.ExecuteScalarAsync<long>(
                "UPDATE outbox SET status = 'DEAD', last_error = 'outcome_unknown', tried_providers = 'whatsapp?' WHERE dedupe_key = 'k1' RETURNING id",
                transaction: t);
        }, default);
        var letters = new DeadLetterRepository(db);
        var attention = new OpsAttentionRepository(db);

        var before = await attention.ReadAsync(default);
        var listed = Assert.Single(await letters.ListAsync(10, default));
        var first = await letters.RetryAsync(id, Now.AddMinutes(5), default);
        var second = await letters.RetryAsync(id, Now.AddMinutes(5), default);
        var after = await attention.ReadAsync(default);

        Assert.True(listed.MayHaveArrived);
        Assert.Equal((1L, 0L), (before.DeadLetters, before.OutboxDepth));
        Assert.True(first);
        Assert.False(second);
        Assert.Equal((0L, 1L, Now), (after.DeadLetters, after.OutboxDepth, after.OldestQueuedAt));
        var row = Assert.Single(await new OutboxRepository(db).ListAsync(default));
        Assert.Equal((OutboxStatus.Pending, 0, "", Now.AddMinutes(5)), (row.Status, row.Attempts, row.TriedProviders, row.NextAttemptAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Resolve_APaymentInReview_Once_KeepingWhoWhenAndWhy(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "ops");
        var merchant = (await new MerchantRepository(db).CreateAsync("254700000001", "Acme", "en", MerchantStatus.Active, Now, default))!;
        await InvoiceAsync(db, merchant.Id, "a1", 150_000, 0, "SENT", Now);
        long paymentId;
        await using (var c = await db.OpenAsync(default))
            paymentId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO payments (invoice_id, method, status, amount_cents, idempotency_key, created_at, updated_at)
                VALUES ('a1', 'STK', 'NEEDS_REVIEW', 150000, 'p1', @Now, @Now) RETURNING id
                """, new { Now });
        var queue = new ReviewQueueRepository(db);

        var listed = Assert.Single(await queue.PaymentsAsync(10, default));
        var first = await queue.ResolvePaymentAsync(paymentId, "254799000111", "Not paid: checked in the portal", Now, default);
        var second = await queue.ResolvePaymentAsync(paymentId, "254799000222", "again", Now, default);

        Assert.Equal(("Acme", "a1"), (listed.MerchantName, listed.InvoiceNumber));
        Assert.True(first);
        Assert.False(second);
        Assert.Empty(await queue.PaymentsAsync(10, default));
        Assert.Equal(0, (await new OpsAttentionRepository(db).ReadAsync(default)).PaymentsInReview);
        await using var read = await db.OpenAsync(default);
        Assert.Equal(("254799000111", "Not paid: checked in the portal", "NEEDS_REVIEW"),
            await read.QuerySingleAsync<(string, string, string)>("SELECT review_resolved_by, review_note, status FROM payments"));
    }

    private static async Task InvoiceAsync(Db db, long merchantId, string id, long amount, long paid, string status, DateTimeOffset at)
    {
        await using var c = await db.OpenAsync(default);
        var customer = await c.ExecuteScalarAsync<long?>("SELECT id FROM customers WHERE merchant_id = @merchantId", new { merchantId })
            ?? await c.ExecuteScalarAsync<long>("""
                INSERT INTO customers (merchant_id, msisdn, created_at, updated_at) VALUES (@merchantId, '254712345678', @at, @at) RETURNING id
                """, new { merchantId, at });
        await c.ExecuteAsync("""
            INSERT INTO invoices (id, merchant_id, customer_id, number, msisdn, description, amount_cents, amount_paid_cents, status, pay_token,
                created_at, updated_at, expires_at)
            VALUES (@id, @merchantId, @customer, @id, '254712345678', 'Design', @amount, @paid, @status, @id, @at, @at, @at)
            """, new { id, merchantId, customer, amount, paid, status, at });
    }
}
