using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.MessageLog;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Stats;

public sealed class StatsTests : IAsyncLifetime
{
    private const string Merchant = BotFactory.MerchantPhone;
    private static readonly DateTimeOffset T = new(2030, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private BotFactory _factory = null!;
    private WhatsAppSender _whatsApp = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        _whatsApp = new WhatsAppSender(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Summary_KnownInvoices_ComputesCountsMoneyConversionTimesAndDelivery()
    {
        for (var i = 1; i <= 8; i++) await _whatsApp.TextAsync(Merchant, $"invoice 0712345678 {i * 1000} Job {i}");
        await _whatsApp.DrainAsync();
        // number, status, sent after T (h), paid after T (h), paid cents
        await ShapeAsync("INV-0001", "PAID", 0, 1, 100_000);
        await ShapeAsync("INV-0002", "PAID", 0, 3, 200_000);
        await ShapeAsync("INV-0003", "PAID", 0, 8, 300_000);
        await ShapeAsync("INV-0004", "PARTIALLY_PAID", 0, null, 150_000);
        await ShapeAsync("INV-0005", "FAILED", null, null, 0);
        await ShapeAsync("INV-0006", "CANCELLED", 0, null, 0);
        await ShapeAsync("INV-0007", "EXPIRED", 0, null, 0);
        await ShapeAsync("INV-0008", "PAID", 0, 1, 800_000, createdAt: T.AddDays(-40)); // before the range
        await LogAsync("INV-0001", "whatsapp", "send", "accepted");
        await LogAsync("INV-0001", "whatsapp", "status", "delivered");
        await LogAsync("INV-0002", "whatsapp", "send", "accepted");
        await LogAsync("INV-0002", "whatsapp", "status", "read");
        await LogAsync("INV-0003", "whatsapp", "send", "accepted");
        await LogAsync("INV-0004", "whatsapp", "send", "unreachable");
        await LogAsync("INV-0004", "sms", "send", "accepted");
        await LogAsync("INV-0004", "sms", "status", "delivered");

        var response = await _factory.ApiClient().GetAsync($"/stats/summary?from={Q(T.AddDays(-1))}&to={Q(T.AddDays(1))}");

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var invoices = json.GetProperty("invoices");
        Assert.Equal((7, 6, 3, 1, 1, 1, 1), (Int(invoices, "created"), Int(invoices, "sent"), Int(invoices, "paid"),
            Int(invoices, "partially_paid"), Int(invoices, "failed"), Int(invoices, "cancelled"), Int(invoices, "expired")));
        Assert.Equal(2_200_000, json.GetProperty("invoiced_cents").GetInt64()); // cancelled left out
        Assert.Equal(750_000, json.GetProperty("collected_cents").GetInt64());
        Assert.Equal(0.5, json.GetProperty("conversion").GetDouble());
        Assert.Equal(4 * 3600, json.GetProperty("average_seconds_to_pay").GetDouble());
        Assert.Equal(3 * 3600, json.GetProperty("median_seconds_to_pay").GetDouble());
        var delivery = json.GetProperty("delivery").EnumerateArray()
            .ToDictionary(d => d.GetProperty("channel").GetString()!, d => (Int(d, "accepted"), Int(d, "delivered"), d.GetProperty("delivery_rate").GetDouble()));
        Assert.Equal((1, 1, 1.0), delivery["sms"]);
        Assert.Equal((3, 2, 0.6667), delivery["whatsapp"]);
        Assert.Equal(1, json.GetProperty("sms_fallbacks").GetInt64());
    }

    [Fact]
    public async Task Summary_WithoutApiKey_Is401()
    {
        var response = await _factory.CreateClient().GetAsync("/stats/summary");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StatsChat_TodaysInvoices_ShowsInvoicedCollectedOutstanding()
    {
        await _whatsApp.TextAsync(Merchant, "invoice 0712345678 1500 Website design");
        await _whatsApp.TextAsync(Merchant, "invoice 0722000000 900 Logo");
        await _whatsApp.TextAsync(Merchant, "invoice 0733000000 5000 Old job");
        await _whatsApp.TextAsync(Merchant, "invoice 0744000000 700 Dropped");
        await _whatsApp.DrainAsync();
        await using (var connection = await _factory.Db.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE invoices SET amount_paid_cents = 50000, status = 'PARTIALLY_PAID' WHERE number = 'INV-0001'");
            await connection.ExecuteAsync("UPDATE invoices SET created_at = @old WHERE number = 'INV-0003'", new { old = DateTimeOffset.UtcNow.AddDays(-45) });
            await connection.ExecuteAsync("UPDATE invoices SET status = 'CANCELLED' WHERE number = 'INV-0004'");
        }

        await _whatsApp.TextAsync(Merchant, "stats");
        await _whatsApp.DrainAsync();

        var outbox = await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        var reply = OutboxRepository.Deserialize(outbox.Last(o => o.Recipient == Merchant).Payload).Text;
        Assert.Contains("Today: invoiced KES 2,400, collected KES 500, outstanding KES 1,900", reply);
        Assert.Contains("This week: invoiced KES 2,400", reply);
        Assert.Contains("This month: invoiced KES 2,400", reply);
    }

    private async Task ShapeAsync(string number, string status, int? sentHours, int? paidHours, long paidCents, DateTimeOffset? createdAt = null)
    {
        const string sql = """
            UPDATE invoices SET status = @status, amount_cents = @amount, amount_paid_cents = @paidCents,
                created_at = @createdAt, sent_at = @sentAt, paid_at = @paidAt
            WHERE number = @number
            """;
        var amount = long.Parse(number[4..]) * 100_000;
        await using var connection = await _factory.Db.OpenAsync(default);
        await connection.ExecuteAsync(sql, new
        {
            number, status, amount, paidCents, createdAt = createdAt ?? T.AddMinutes(-30),
            sentAt = sentHours is { } s ? T.AddHours(s) : (DateTimeOffset?)null,
            paidAt = paidHours is { } p ? T.AddHours(p) : (DateTimeOffset?)null,
        });
    }

    private async Task LogAsync(string number, string channel, string @event, string status)
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        var (outboxId, invoiceId) = await connection.QuerySingleAsync<(long, string)>(
            "SELECT o.id, o.invoice_id FROM outbox o JOIN invoices i ON i.id = o.invoice_id WHERE i.number = @number AND o.purpose = 'invoice'", new { number });
        await MessageLogRepository.AddAsync(connection, null, new MessageLogEntry
        {
            OutboxId = outboxId, InvoiceId = invoiceId, Channel = channel, Direction = "out", Event = @event, Status = status,
            ProviderMessageId = $"{channel}-{outboxId}", CreatedAt = T.AddMinutes(5),
        }, default);
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));
}
