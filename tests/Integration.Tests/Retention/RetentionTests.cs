using Dapper;
using InvoiceFirst.Bot.Retention;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Retention;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;

namespace InvoiceFirst.Integration.Tests.Retention;

public sealed class RetentionTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Retention_ChatDataPastTheLimit_DeletedWhileInvoicesAndPaymentsStay()
    {
        var invoice = await PaidInvoiceAsync();
        await AgeEverythingAsync(TimeSpan.FromDays(91));
        var worker = _h.Factory.Services.GetRequiredService<RetentionWorker>();
        await ReleaseLeaseAsync();

        var counts = await worker.RunOnceAsync(default);

        Assert.NotNull(counts);
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM conversations"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM message_log"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE status NOT IN ('PENDING', 'SENDING')"));
        Assert.Equal(InvoiceStatus.Paid, (await _h.InvoiceAsync(invoice.Id))!.Status);
        Assert.Equal(PaymentStatus.Success, (await _h.PaymentsAsync(invoice.Id)).Single().Status);
    }

    [Fact]
    public async Task Retention_RecentChatData_Kept()
    {
        await PaidInvoiceAsync();
        await ReleaseLeaseAsync();
        await using var c = await _h.Factory.Db.OpenAsync(default);
        var before = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox");

        await _h.Factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(default);

        Assert.True(before > 0);
        Assert.Equal(before, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    [Fact]
    public async Task Retention_TwoInstancesSameDay_OnlyOneRuns()
    {
        await ReleaseLeaseAsync();
        var repository = _h.Factory.Services.GetRequiredService<RetentionRepository>();
        var now = DateTimeOffset.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => repository.TryLeaseAsync("instance-" + i, now, TimeSpan.FromHours(23), default)));

        Assert.Single(results, taken => taken);
        Assert.False(await repository.TryLeaseAsync("later", now.AddHours(22), TimeSpan.FromHours(23), default));
        Assert.True(await repository.TryLeaseAsync("tomorrow", now.AddHours(24), TimeSpan.FromHours(23), default));
    }

    [Fact]
    public async Task EraseCustomer_OnRequest_PersonalFieldsGoneFinancialRecordsStay()
    {
        var invoice = await PaidInvoiceAsync();
        var pseudonym = EraseCustomerCommand.Pseudonym(PaymentHarness.Customer);

        var erased = await _h.Factory.Services.GetRequiredService<RetentionRepository>()
            .EraseCustomerAsync(PaymentHarness.Customer, pseudonym, DateTimeOffset.UtcNow, default);

        Assert.Equal(1, erased);
        var kept = (await _h.InvoiceAsync(invoice.Id))!;
        Assert.Equal((pseudonym, null, InvoiceStatus.Paid, 150000L), (kept.Msisdn, kept.CustomerName, kept.Status, kept.AmountPaidCents));
        var payment = (await _h.PaymentsAsync(invoice.Id)).Single();
        Assert.Equal((null, null, PaymentStatus.Success, "NLJ7RT61SV"), (payment.Msisdn, payment.RawCallback, payment.Status, payment.MpesaReceipt));
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM conversations WHERE participant = @p", new { p = PaymentHarness.Customer }));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox WHERE payload LIKE '%' || @p || '%'", new { p = PaymentHarness.Customer }));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE recipient = @p OR payload LIKE '%' || @p || '%'", new { p = PaymentHarness.Customer }));
        Assert.Null(await c.ExecuteScalarAsync<string>("SELECT name FROM customers WHERE msisdn = @p", new { p = PaymentHarness.Customer }));
    }

    private async Task<Invoice> PaidInvoiceAsync()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        await _h.PaySuccessAsync(payment);
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await _h.InboxDrainedAsync();
        return invoice;
    }

    private async Task AgeEverythingAsync(TimeSpan by)
    {
        await using var c = await _h.Factory.Db.OpenAsync(default);
        var at = DateTimeOffset.UtcNow - by;
        await c.ExecuteAsync("UPDATE inbox SET received_at = @at", new { at });
        await c.ExecuteAsync("UPDATE outbox SET created_at = @at", new { at });
        await c.ExecuteAsync("UPDATE conversations SET updated_at = @at", new { at });
        await c.ExecuteAsync("UPDATE message_log SET created_at = @at", new { at });
        // A message log row exists even with the dispatcher off in this host.
        await c.ExecuteAsync("INSERT INTO message_log (channel, direction, event, created_at) VALUES ('whatsapp', 'out', 'sent', @at)", new { at });
    }

    /// <summary>The host's own worker took today's lease at start-up; the test plays the next day.</summary>
    private async Task ReleaseLeaseAsync()
    {
        await using var c = await _h.Factory.Db.OpenAsync(default);
        await c.ExecuteAsync("DELETE FROM settings WHERE key = 'retention:lease'");
    }
}
