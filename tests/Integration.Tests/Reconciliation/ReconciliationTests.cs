using System.Globalization;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Bot.Reconciliation;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Reconciliation;

public sealed class ReconciliationTests : IAsyncLifetime
{
    private BotFactory _bot = null!;

    public async Task InitializeAsync() => _bot = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Reconciliation:Enabled"] = "false" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<string> InvoiceAsync(long shillings)
    {
        using var api = _bot.ApiClient();
        var response = await api.PostAsJsonAsync("/invoices", new { msisdn = "254712345678", amount_cents = shillings * 100, description = "Website design" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<long?> PaymentAsync(string? invoiceId, PaymentStatus status, long shillings, string? receipt) =>
        _bot.Db.InTransactionAsync((c, t) => PaymentRepository.TryInsertAsync(c, t, new Payment
        {
            InvoiceId = invoiceId,
            Method = PaymentMethod.C2b,
            Status = status,
            AmountCents = shillings * 100,
            IdempotencyKey = "test:" + Guid.NewGuid().ToString("N"),
            MpesaReceipt = receipt,
            CreatedAt = DateTimeOffset.UtcNow,
            SettledAt = status == PaymentStatus.Success ? DateTimeOffset.UtcNow : null,
        }, default), default);

    private Task RecordAsync(string invoiceId, string status, long paidShillings) =>
        _bot.Db.InTransactionAsync((c, t) => c.ExecuteAsync("""
            UPDATE invoices SET status = @status, amount_paid_cents = @paid, paid_at = @now, updated_at = @now WHERE id = @invoiceId
            """, new { invoiceId, status, paid = paidShillings * 100, now = DateTimeOffset.UtcNow }, t), default);

    [Fact]
    public async Task Reconciliation_InjectedMismatches_ListsEveryDifferenceAndNothingElse()
    {
        var unapplied = await PaymentAsync(null, PaymentStatus.Success, 700, "RKL0UNAPPL");
        var paidWithoutReceipt = await InvoiceAsync(1000);
        await RecordAsync(paidWithoutReceipt, "PAID", 1000);
        var shortPaid = await InvoiceAsync(1000);
        await PaymentAsync(shortPaid, PaymentStatus.Success, 500, "RKL0SHORT1");
        await RecordAsync(shortPaid, "PARTIALLY_PAID", 800);
        var review = await PaymentAsync(await InvoiceAsync(300), PaymentStatus.NeedsReview, 300, null);
        var clean = await InvoiceAsync(400);
        await PaymentAsync(clean, PaymentStatus.Success, 400, "RKL0CLEAN1");
        await RecordAsync(clean, "PAID", 400);

        var date = Reconciler.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var api = _bot.ApiClient();
        var report = await api.GetFromJsonAsync<JsonElement>($"/reconciliation?date={date}");
        var found = report.GetProperty("differences").EnumerateArray().Select(d => (
            Kind: d.GetProperty("kind").GetString(),
            Invoice: d.GetProperty("invoice_id").GetString(),
            Payment: d.GetProperty("payment_id").ValueKind == JsonValueKind.Number ? d.GetProperty("payment_id").GetInt64() : (long?)null,
            Received: d.GetProperty("received_cents").ValueKind == JsonValueKind.Number ? d.GetProperty("received_cents").GetInt64() : (long?)null,
            Recorded: d.GetProperty("recorded_cents").ValueKind == JsonValueKind.Number ? d.GetProperty("recorded_cents").GetInt64() : (long?)null)).ToList();

        Assert.Equal(4, found.Count);
        Assert.Contains(("receipt_without_invoice", (string?)null, unapplied, (long?)70000, (long?)null), found);
        Assert.Contains(("invoice_paid_without_receipt", paidWithoutReceipt, (long?)null, (long?)0, (long?)100000), found);
        Assert.Contains(("amount_difference", shortPaid, (long?)null, (long?)50000, (long?)80000), found);
        Assert.Contains(found, d => d.Kind == "needs_review" && d.Payment == review);
        Assert.DoesNotContain(found, d => d.Invoice == clean);
        Assert.Equal(date, report.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Reconciliation_BadDate_BadRequest()
    {
        using var api = _bot.ApiClient();

        var response = await api.GetAsync("/reconciliation?date=12-03-2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EveningSummary_MerchantSaidSummaryOn_GetsOneSummaryPerDay()
    {
        var chat = new WhatsAppSender(_bot);
        await chat.TextAsync(BotFactory.MerchantPhone, "summary on");
        await chat.DrainAsync();
        var merchant = (await _bot.Services.GetRequiredService<MerchantRepository>().FindByPhoneAsync(BotFactory.MerchantPhone, default))!;
        var summary = _bot.Services.GetRequiredService<EveningSummary>();
        var today = Reconciler.Today(TimeProvider.System);

        await summary.RunAsync(today, default);
        await summary.RunAsync(today, default);

        var outbox = await _bot.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        var sent = Assert.Single(outbox, o => o.DedupeKey == $"summary:{merchant.Id}:{today:yyyy-MM-dd}");
        Assert.Equal(BotFactory.MerchantPhone, sent.Recipient);
        Assert.Contains("Summary for", OutboxRepository.Deserialize(sent.Payload).Text);
    }

    [Fact]
    public async Task EveningSummary_TwoMerchants_EachHearsOfItsOwnMoneyOnly_MoneyNoInvoiceTookOnlyTheDeploymentsOwnMerchant()
    {
        using var api = _bot.ApiClient();
        (await api.PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" })).EnsureSuccessStatusCode();
        var chat = new WhatsAppSender(_bot);
        await chat.TextAsync(BotFactory.MerchantPhone, "summary on");
        await chat.TextAsync("254722000999", "summary on");
        await chat.DrainAsync();
        var invoice = await InvoiceAsync(1500);
        await PaymentAsync(invoice, PaymentStatus.Success, 1500, "SBX1000001");
        await RecordAsync(invoice, "PAID", 1500);
        await PaymentAsync(null, PaymentStatus.Success, 700, "SBX1000002"); // Paybill money that matched no invoice
        var today = Reconciler.Today(TimeProvider.System);

        await _bot.Services.GetRequiredService<EveningSummary>().RunAsync(today, default);

        var outbox = await _bot.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        string SummaryTo(string phone) =>
            OutboxRepository.Deserialize(Assert.Single(outbox, o => o.Recipient == phone && o.DedupeKey!.StartsWith("summary:", StringComparison.Ordinal)).Payload).Text;
        Assert.Contains("1 payments, KES 1,500 collected. 1 to check against M-PESA", SummaryTo(BotFactory.MerchantPhone));
        Assert.Contains("0 payments, KES 0 collected. Everything matches M-PESA.", SummaryTo("254722000999"));
    }
}
