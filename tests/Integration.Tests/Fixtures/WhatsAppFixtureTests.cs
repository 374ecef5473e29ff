using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Fixtures.WhatsAppFixtureCases;

namespace InvoiceFirst.Integration.Tests.Fixtures;

/// <summary>
/// Real-world WhatsApp webhook shapes, re-signed with the test app secret and replayed over the real
/// host in Live mode (PostgreSQL, the dispatcher on, Meta, Africa's Talking, Twilio and Daraja fakes on
/// loopback). Each must have exactly its effect: what the inbox stored, the invoices and payments it
/// made, and which messages reached WhatsApp for whom; nothing else may be sent on any channel.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class WhatsAppFixtureTests
{
    private const string OriginalId = "wamid.original";

    public static TheoryData<FixtureCase> Cases()
    {
        var data = new TheoryData<FixtureCase>();
        foreach (var c in All()) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Replay_RealWorldShape_HasExactlyItsEffect(FixtureCase c)
    {
        var logs = LogCapture.Start();
        await using var daraja = await FakeDaraja.StartAsync();
        await using var host = await MessagingHost.StartAsync(new Dictionary<string, string?>(logs.Settings())
        {
            ["WhatsApp:InvoiceTemplate"] = "invoice_v1",
            ["Mpesa:BaseUrl"] = daraja.BaseUrl,
            ["Mpesa:ConsumerKey"] = daraja.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = daraja.ConsumerSecret,
            ["Payments:PollMilliseconds"] = "100",
            ["Payments:QueryAfterSeconds"] = "600",
        });
        var buttonId = c.ButtonId ?? "callback_data";
        if (c.Setup is FixtureSetup.Invoice or FixtureSetup.InvoiceAndOriginal)
        {
            var invoiceId = await CreateInvoiceAsync(host);
            buttonId = c.ButtonId ?? "pay:" + invoiceId;
        }
        if (c.Setup is FixtureSetup.Original or FixtureSetup.InvoiceAndOriginal)
            (await host.SendWhatsAppAsync(c.Sender, c.Original!, OriginalId)).EnsureSuccessStatusCode();
        await SettleAsync(host);
        var before = await CountAsync(host, daraja);

        var body = WebhookBuilders.Bytes(c.Fixture.Render(new Dictionary<string, string>
        {
            ["from"] = c.Sender == UserId ? Merchant : c.Sender,
            ["text"] = c.Text,
            ["phone_number_id"] = WebhookBuilders.PhoneNumberId,
            ["user_id"] = UserId,
            ["button_id"] = buttonId,
            ["original_id"] = OriginalId,
            ["timestamp"] = (DateTimeOffset.UtcNow - c.Age).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var response = await host.PostSignedAsync(body);
        await SettleAsync(host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await CountAsync(host, daraja);
        var effect = c.Effect;
        Assert.Equal(effect.Events, after.Events - before.Events);
        Assert.Equal(0, after.UnfinishedEvents);
        Assert.Equal(effect.Invoices, after.Invoices - before.Invoices);
        Assert.Equal(effect.Payments, after.Payments - before.Payments);
        if (effect.Payments > 0) await daraja.WaitForStkPushesAsync(before.Pushes + effect.Payments, TimeSpan.FromSeconds(15));

        var sent = (await host.OutboxAsync()).Where(o => o.Id > before.LastOutboxId).ToList();
        var requests = host.Graph.Requests.All.Skip(before.GraphRequests).ToList();
        Assert.Equal(effect.Replies.Count, sent.Count);
        Assert.Equal(effect.Replies.Count, requests.Count);
        foreach (var reply in effect.Replies)
        {
            var row = Assert.Single(sent, o => o.Recipient == reply.To && OutboxRepository.Deserialize(o.Payload).Text.Contains(reply.Contains));
            Assert.True(row.Status == OutboxStatus.Sent && row.Provider == "whatsapp", $"to {reply.To}: {row.Status} {row.Provider} {row.LastError}");
            var request = Assert.Single(requests, r => FakeWhatsAppGraph.To(r) == reply.To && r.Body.Contains(reply.Contains, StringComparison.Ordinal));
            // A user id goes in "recipient" and never in "to", which Meta reads as a phone number.
            if (reply.To == UserId) Assert.Null(request.Json["to"]);
        }
        Assert.Equal(before.SmsRequests, host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("No handler for", StringComparison.Ordinal));
        if (c.Fixture == Testing.Fixtures.WhatsAppFixtures.TextOtherNumber)
            Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("not ours", StringComparison.Ordinal));
    }

    private static async Task<string> CreateInvoiceAsync(MessagingHost host)
    {
        var response = await host.Bot.ApiClient().PostAsJsonAsync("/invoices",
            new { msisdn = Customer, amount_cents = 150000, description = "Website design" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Every stored event handled and every queued message sent or given up.</summary>
    private static async Task SettleAsync(MessagingHost host) =>
        await MessagingHost.UntilAsync(async () =>
        {
            await using var c = await host.Bot.Db.OpenAsync(default);
            var pending = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'");
            return pending == 0 && (await host.OutboxAsync()).All(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending);
        }, "inbox and outbox to settle", seconds: 20);

    private sealed record Counts(long Events, long UnfinishedEvents, long Invoices, long Payments, long LastOutboxId, int GraphRequests, int SmsRequests, int Pushes);

    private static async Task<Counts> CountAsync(MessagingHost host, FakeDaraja? daraja)
    {
        await using var c = await host.Bot.Db.OpenAsync(default);
        var row = await c.QuerySingleAsync<(long, long, long, long, long)>("""
            SELECT (SELECT COUNT(*) FROM inbox), (SELECT COUNT(*) FROM inbox WHERE status <> 'DONE'),
                   (SELECT COUNT(*) FROM invoices), (SELECT COUNT(*) FROM payments), (SELECT COALESCE(MAX(id), 0) FROM outbox)
            """);
        return new Counts(row.Item1, row.Item2, row.Item3, row.Item4, row.Item5, host.Graph.Requests.Count,
            host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count, daraja?.StkPushes.Count ?? 0);
    }
}
