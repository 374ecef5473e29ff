using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.HostileInput;

/// <summary>
/// Africa's Talking signs nothing, so anyone who knows its form fields can write a callback: a merchant's
/// command, a customer's PAY, a delivery report. Only the secret token in the registered URL lets one in.
/// </summary>
public sealed class ForgedSmsTests : IAsyncLifetime
{
    private const string Merchant = BotFactory.MerchantPhone;
    private const string Customer = MessagingHost.Customer;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly LogCapture _log = LogCapture.Start();
    private FakeDaraja _daraja = null!;
    private MessagingHost _host = null!;
    private string _invoiceSmsId = "";

    public async Task InitializeAsync()
    {
        _daraja = await FakeDaraja.StartAsync();
        var settings = _log.Settings();
        settings["Mpesa:BaseUrl"] = _daraja.BaseUrl;
        settings["Mpesa:ConsumerKey"] = _daraja.ConsumerKey;
        settings["Mpesa:ConsumerSecret"] = _daraja.ConsumerSecret;
        settings["Payments:PollMilliseconds"] = "100";
        settings["Payments:QueryAfterSeconds"] = "600";
        _host = await MessagingHost.StartAsync(settings);

        // INV-0001 to the customer, by SMS: the customer never wrote on WhatsApp and no template is configured.
        (await _host.Bot.ApiClient().PostAsJsonAsync("/invoices",
            new { msisdn = Customer, amount_cents = 150000, description = "Website design" })).EnsureSuccessStatusCode();
        await _host.UntilInvoiceAsync(InvoiceStatus.Sent);
        await _host.AfricasTalking.Requests.WaitForAsync(1, Deadline);
        _invoiceSmsId = _host.AfricasTalking.Issued.Single().Id;
        // The merchant's notice too (it has no way to go and ends DEAD): a settled start makes "nothing changed" meaningful.
        await MessagingHost.UntilAsync(async () => (await _host.OutboxAsync()).All(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending),
            "the outbox settled");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _daraja.DisposeAsync();
    }

    [Fact]
    public async Task Forged_TokenlessOrWrongToken_404NothingStoredNothingSentNothingChanged()
    {
        var token = AfricasTalkingCallbacks.Token;
        string[] wrongTokens = [token[..^1] + "x", token[..31], token + "x", token.ToUpperInvariant(),
            Guid.NewGuid().ToString("N")];
        var before = await SnapshotAsync();
        var client = _host.Bot.CreateClient();

        var answers = new List<(string Door, HttpStatusCode Status)>();
        foreach (var (kind, form) in ForgedCallbacks())
        {
            var doors = wrongTokens.Select(t => $"/sms/{kind}/{t}").Append($"/sms/{kind}").Append($"/sms/{kind}/");
            foreach (var door in doors)
                answers.Add((door, (await client.PostAsync(door, MessagingHost.Form(form))).StatusCode));
        }
        // A refused request stores nothing for a worker to act on; give the workers time to prove it anyway.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.NotFound, $"{a.Door}: {a.Status}"));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(1, _host.AfricasTalking.Requests.Count);
        Assert.Empty(_daraja.StkPushes);
        var lines = _log.Lines.ToList();
        Assert.Equal(ForgedCallbacks().Count() * wrongTokens.Length,
            lines.Count(l => l.StartsWith("Warning Suspicious Africa's Talking callback", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Suspicious Africa's Talking callback on \"/sms/inbound/{token}\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Suspicious Africa's Talking callback on \"/sms/status/{token}\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => wrongTokens.Append(token).Any(t => l.Contains(t, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(lines, l => l.Contains("0722000111", StringComparison.Ordinal) || l.Contains("Logo design", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameCallbacks_OnTheRegisteredUrl_BehaveAsBefore()
    {
        var client = _host.Bot.CreateClient();

        // The delivery report moves the invoice SMS to delivered.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(AfricasTalkingCallbacks.StatusPath(),
            MessagingHost.Form(AfricasTalkingCallbacks.DeliveryReport(_invoiceSmsId, "Success", Customer)))).StatusCode);
        await MessagingHost.UntilAsync(async () => (await _host.OutboxAsync()).Any(o => o.ProviderMessageId == _invoiceSmsId
            && o.Status == OutboxStatus.Delivered), "the invoice SMS delivered");

        // The customer's PAY prompts their phone.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(AfricasTalkingCallbacks.InboundPath(),
            MessagingHost.Form(AfricasTalkingCallbacks.Inbound(Customer, "PAY")))).StatusCode);
        await _daraja.WaitForStkPushesAsync(1, Deadline);

        // The merchant's commands: a new invoice, then cancelling it.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(AfricasTalkingCallbacks.InboundPath(),
            MessagingHost.Form(AfricasTalkingCallbacks.Inbound(Merchant, "invoice 0722000111 9999 Logo design")))).StatusCode);
        await MessagingHost.UntilAsync(async () => await StatusOfAsync("INV-0002") == InvoiceStatus.Sent, "INV-0002 sent");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(AfricasTalkingCallbacks.InboundPath(),
            MessagingHost.Form(AfricasTalkingCallbacks.Inbound(Merchant, "cancel INV-0002")))).StatusCode);
        await MessagingHost.UntilAsync(async () => await StatusOfAsync("INV-0002") == InvoiceStatus.Cancelled, "INV-0002 cancelled");

        Assert.Equal(InvoiceStatus.Sent, await StatusOfAsync("INV-0001"));
        Assert.Single(_daraja.StkPushes);
        await MessagingHost.UntilAsync(() => Task.FromResult(_host.AfricasTalking.Requests.All.Any(r => r.Form["to"] == "+" + Merchant)),
            "a reply to the merchant by SMS");
    }

    /// <summary>What a forger would post: the merchant's commands, the customer's PAY, a report for our own SMS.</summary>
    private IEnumerable<(string Kind, Dictionary<string, string> Form)> ForgedCallbacks()
    {
        yield return ("inbound", AfricasTalkingCallbacks.Inbound(Merchant, "cancel INV-0001"));
        yield return ("inbound", AfricasTalkingCallbacks.Inbound(Merchant, "invoice 0722000111 9999 x"));
        yield return ("inbound", AfricasTalkingCallbacks.Inbound(Merchant, "invoice 0722000111 9999 Logo design"));
        yield return ("inbound", AfricasTalkingCallbacks.Inbound(Customer, "PAY"));
        yield return ("status", AfricasTalkingCallbacks.DeliveryReport(_invoiceSmsId, "Failed", Customer, "UserInBlacklist"));
    }

    /// <summary>Everything a forged callback could have changed.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var c = await _host.Bot.Db.OpenAsync(default);
        var rows = await c.QueryAsync<string>("""
            SELECT 'inbox ' || count(*) FROM inbox
            UNION ALL SELECT 'invoice ' || number || ' ' || status || ' ' || amount_paid_cents FROM invoices
            UNION ALL SELECT 'payments ' || count(*) FROM payments
            UNION ALL SELECT 'outbox ' || id || ' ' || status || ' ' || recipient FROM outbox
            UNION ALL SELECT 'message_log ' || count(*) FROM message_log
            """);
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }

    private async Task<InvoiceStatus?> StatusOfAsync(string number)
    {
        await using var c = await _host.Bot.Db.OpenAsync(default);
        return await c.QuerySingleOrDefaultAsync<InvoiceStatus?>("SELECT status FROM invoices WHERE number = @number", new { number });
    }
}
