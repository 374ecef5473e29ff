using Dapper;
using InvoiceFirst.Bot.Retention;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Retention;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Integration.Tests.Retention;

public sealed class RetentionTests
{
    private const string CustomerName = "Jane Wanjiku";

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Retention_ChatDataPastTheLimit_DeletedWhileInvoicesAndPaymentsStay(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        var invoice = await PaidInvoiceAsync(h);
        await AgeEverythingAsync(h, TimeSpan.FromDays(91));
        var worker = h.Factory.Services.GetRequiredService<RetentionWorker>();
        await ReleaseLeaseAsync(h);

        var counts = await worker.RunOnceAsync(default);

        Assert.NotNull(counts);
        await using var c = await h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM conversations"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM message_log"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE status NOT IN ('PENDING', 'SENDING')"));
        Assert.Equal(InvoiceStatus.Paid, (await h.InvoiceAsync(invoice.Id))!.Status);
        Assert.Equal(PaymentStatus.Success, (await h.PaymentsAsync(invoice.Id)).Single().Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Retention_RecentChatData_Kept(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        await PaidInvoiceAsync(h);
        await AgeEverythingAsync(h, TimeSpan.FromDays(89));
        await ReleaseLeaseAsync(h);
        var before = await ChatDataAsync(h);

        var counts = await h.Factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(default);

        Assert.Equal(new RetentionCounts(0, 0, 0, 0), counts);
        Assert.Contains(before, v => v.Where == "inbox.payload");
        Assert.Equal(before, await ChatDataAsync(h));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Retention_TwoInstancesSameDay_OnlyOneRuns(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        await ReleaseLeaseAsync(h);
        var repository = h.Factory.Services.GetRequiredService<RetentionRepository>();
        var now = DateTimeOffset.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => repository.TryLeaseAsync("instance-" + i, now, TimeSpan.FromHours(23), default)));

        Assert.Single(results, taken => taken);
        Assert.False(await repository.TryLeaseAsync("later", now.AddHours(22), TimeSpan.FromHours(23), default));
        Assert.True(await repository.TryLeaseAsync("tomorrow", now.AddHours(24), TimeSpan.FromHours(23), default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task EraseCustomer_OnRequest_NoTableHoldsTheNumberOrNameFinancialRecordsStay(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        var invoice = await PaidInvoiceAsync(h);
        var pseudonym = EraseCustomerCommand.Pseudonym(PaymentHarness.Customer);
        Assert.NotEmpty(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, CustomerName));

        var erased = await EraseAsync(h);

        Assert.Equal(1, erased);
        Assert.Empty(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, "Jane", "Wanjiku"));
        var kept = (await h.InvoiceAsync(invoice.Id))!;
        Assert.Equal((pseudonym, null, InvoiceStatus.Paid, 150000L, 150000L), (kept.Msisdn, kept.CustomerName, kept.Status, kept.AmountCents, kept.AmountPaidCents));
        var payment = (await h.PaymentsAsync(invoice.Id)).Single();
        Assert.Equal((null, null, PaymentStatus.Success, "NLJ7RT61SV", 150000L), (payment.Msisdn, payment.RawCallback, payment.Status, payment.MpesaReceipt, payment.AmountCents));
        await using var c = await h.Factory.Db.OpenAsync(default);
        Assert.Equal(pseudonym, await c.ExecuteScalarAsync<string>(
            "SELECT c.msisdn FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = @id", new { id = invoice.Id }));
    }

    [Fact]
    public async Task EraseCustomer_CommandLineVerb_ErasesTheLocalFormOfTheNumberAndExitsZero()
    {
        await using var h = await PaymentHarness.StartAsync();
        var invoice = await PaidInvoiceAsync(h);
        await using var bot = BotProcess.Start(
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = h.Factory.ConnectionString }, EraseCustomerCommand.Verb, "0712 345 678");

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, bot.Output);
        Assert.Empty(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, "Jane", "Wanjiku"));
        Assert.Equal(InvoiceStatus.Paid, (await h.InvoiceAsync(invoice.Id))!.Status);
        Assert.DoesNotContain(PaymentHarness.Customer, bot.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task EraseCustomer_NameOutsideAsciiInTheMerchantsInvoiceList_GoneFromIt(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        await h.CreateInvoiceAsync(1500, customerName: "Wanjikũ Njeri");
        await h.CreateInvoiceAsync(900, msisdn: "254798765432", customerName: "Otieno");
        (await new WhatsAppSender(h.Factory).TextAsync(BotFactory.MerchantPhone, "list")).EnsureSuccessStatusCode();
        await h.InboxDrainedAsync();
        Assert.Contains(await StoredText.AllAsync(h.Factory.Db), v => v.Where == "outbox.payload" && v.Value.Contains("Njeri") && v.Value.Contains("Otieno"));

        await EraseAsync(h);

        Assert.Empty(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, "Wanjik", "Njeri"));
        Assert.Contains(await StoredText.AllAsync(h.Factory.Db), v => v.Value.Contains("Otieno"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task EraseCustomer_WhileAMerchantsQuestionListsThem_TheQuestionIsDropped(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        var whatsApp = new WhatsAppSender(h.Factory);
        foreach (var text in new[] { "customer Wanjiku Kamau 0712345678", "customer Wanjiru Otieno 0722000111", "invoice wanji 500 Braids" })
        {
            (await whatsApp.TextAsync(BotFactory.MerchantPhone, text)).EnsureSuccessStatusCode();
            await whatsApp.DrainAsync();
        }
        Assert.Contains(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, "Wanjiku"),
            m => m.StartsWith("conversations.chat_context", StringComparison.Ordinal));

        await EraseAsync(h);

        Assert.DoesNotContain(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, "Wanjiku"),
            m => m.StartsWith("conversations.", StringComparison.Ordinal) || m.StartsWith("customers.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task EraseCustomer_Twice_SecondChangesNothing(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        await PaidInvoiceAsync(h);
        await EraseAsync(h);
        var afterFirst = await StoredText.AllAsync(h.Factory.Db);

        var erasedAgain = await EraseAsync(h);

        Assert.Equal(0, erasedAgain);
        Assert.Equal(afterFirst, await StoredText.AllAsync(h.Factory.Db));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task EraseCustomer_ThenNewInvoiceToTheSameNumber_PaysAndIsErasedIntoTheSameRecord(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        var first = await PaidInvoiceAsync(h);
        await EraseAsync(h);

        var second = await h.CreateInvoiceAsync(700, customerName: CustomerName);
        await h.TapAsync(second.Id);
        var (payment, push) = await h.WaitForPushAsync(2);

        Assert.Equal(PaymentHarness.Customer, push.GetProperty("PhoneNumber").ToString());
        Assert.Equal((PaymentHarness.Customer, CustomerName), (second.Msisdn, second.CustomerName));
        Assert.Equal(second.Id, payment.InvoiceId);

        Assert.Equal(1, await EraseAsync(h));
        Assert.Empty(await StoredText.MentionsAsync(h.Factory.Db, PaymentHarness.Customer, "Jane", "Wanjiku"));
        await using var c = await h.Factory.Db.OpenAsync(default);
        var customerIds = await c.QueryAsync<long>("SELECT DISTINCT customer_id FROM invoices WHERE id IN (@a, @b)", new { a = first.Id, b = second.Id });
        Assert.Single(customerIds);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM customers WHERE msisdn = @p",
            new { p = EraseCustomerCommand.Pseudonym(PaymentHarness.Customer) }));
    }

    /// <summary>Everything stored but the settings table, where the run takes its lease.</summary>
    private static async Task<List<(string Where, string Value)>> ChatDataAsync(PaymentHarness h) =>
        (await StoredText.AllAsync(h.Factory.Db)).Where(v => !v.Where.StartsWith("settings.", StringComparison.Ordinal)).ToList();

    private static Task<int> EraseAsync(PaymentHarness h) =>
        h.Factory.Services.GetRequiredService<RetentionRepository>().EraseCustomerAsync(
            PaymentHarness.Customer, EraseCustomerCommand.Pseudonym(PaymentHarness.Customer), DateTimeOffset.UtcNow, default);

    private static async Task<Invoice> PaidInvoiceAsync(PaymentHarness h)
    {
        var invoice = await h.CreateInvoiceAsync(1500, customerName: CustomerName);
        await h.TapAsync(invoice.Id);
        var (payment, _) = await h.WaitForPushAsync(1);
        await h.PaySuccessAsync(payment);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.InboxDrainedAsync();
        return invoice;
    }

    private static async Task AgeEverythingAsync(PaymentHarness h, TimeSpan by)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        var at = DateTimeOffset.UtcNow - by;
        await c.ExecuteAsync("UPDATE inbox SET received_at = @at", new { at });
        await c.ExecuteAsync("UPDATE outbox SET created_at = @at", new { at });
        await c.ExecuteAsync("UPDATE conversations SET updated_at = @at", new { at });
        await c.ExecuteAsync("UPDATE message_log SET created_at = @at", new { at });
        // A message log row exists even with the dispatcher off in this host.
        await c.ExecuteAsync("INSERT INTO message_log (channel, direction, event, created_at) VALUES ('whatsapp', 'out', 'sent', @at)", new { at });
    }

    /// <summary>The host's own worker took today's lease at start-up; the test plays the next day.</summary>
    private static async Task ReleaseLeaseAsync(PaymentHarness h)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        await c.ExecuteAsync("DELETE FROM settings WHERE key = 'retention:lease'");
    }
}
