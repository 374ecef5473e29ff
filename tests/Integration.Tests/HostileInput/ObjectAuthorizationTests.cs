using System.Buffers.Text;
using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.HostileInput;

public sealed class ObjectAuthorizationTests : IAsyncLifetime
{
    private const string OtherCustomer = "254798765432";
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Tap_AnotherCustomersInvoiceButton_NoPushNoPayment()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.TapAsync(invoice.Id, from: OtherCustomer);
        await _h.InboxDrainedAsync();

        Assert.Empty(await _h.PaymentsAsync(invoice.Id));
        Assert.Empty(_h.Daraja.StkPushes);
    }

    [Fact]
    public async Task Api_InvoiceWithoutOrWithWrongKey_401()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        var anonymous = _h.Factory.CreateClient();
        var wrongKey = _h.Factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new("Bearer", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/invoices/{invoice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync($"/invoices/{invoice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/payments/stk/initiate", new { invoice_id = invoice.Id })).StatusCode);
    }

    [Fact]
    public async Task Tokens_PayAndCallback_AtLeast128RandomBitsAndDistinct()
    {
        var invoices = new List<string>();
        for (var i = 0; i < 20; i++) invoices.Add((await _h.CreateInvoiceAsync(100 + i)).PayToken);
        var first = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(first.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);

        Assert.All(invoices.Append(payment.CallbackToken!), t => Assert.True(Base64Url.DecodeFromChars(t).Length * 8 >= 128, t));
        Assert.Equal(invoices.Count, invoices.Distinct().Count());
        Assert.Equal(PaymentStatus.Initiated, payment.Status);
    }

    [Fact]
    public async Task SmsPay_FromANumberTheInvoiceWasNotSentTo_NoPushNoPayment()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        var response = await _h.Factory.CreateClient().PostAsync(AfricasTalkingCallbacks.InboundPath(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = Guid.NewGuid().ToString(), ["from"] = "+" + OtherCustomer, ["to"] = "40404", ["text"] = "PAY",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss"), ["linkId"] = "x",
        }));
        await _h.InboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await _h.PaymentsAsync(invoice.Id));
        Assert.Empty(_h.Daraja.StkPushes);
        Assert.Contains("no unpaid invoices", await RepliesToAsync(OtherCustomer));
    }

    [Fact]
    public async Task Tap_AnIdThatDoesNotExistOrIsSomeoneElses_SameAnswerNoPayment()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.TapAsync(invoice.Id, from: OtherCustomer);
        await _h.TapAsync(new string('0', invoice.Id.Length), from: OtherCustomer);
        await _h.InboxDrainedAsync();

        var replies = (await _h.OutboxAsync()).Where(e => e.Recipient == OtherCustomer).Select(e => e.Payload).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(replies[0], replies[1]);
        Assert.Empty(await _h.PaymentsAsync());
    }

    [Fact]
    public async Task MerchantCommands_FromANonMerchantNumber_SeeAndChangeNothing()
    {
        var invoice = await _h.CreateInvoiceAsync(1500, customerName: "Jane Wanjiku");

        foreach (var command in new[] { "list", $"status {invoice.Number}", $"remind {invoice.Number}", $"cancel {invoice.Number}", "stats", "invoice 0722000111 500 Logo" })
            await SendTextAsync(OtherCustomer, command);
        await _h.InboxDrainedAsync();

        var after = (await _h.InvoiceAsync(invoice.Id))!;
        Assert.Equal(invoice.Status, after.Status);
        Assert.Null(after.CancelledAt);
        var outbox = await _h.OutboxAsync();
        Assert.DoesNotContain(outbox, e => e.Recipient == PaymentHarness.Customer && e.Purpose != OutboxPurpose.Invoice);
        var replies = await RepliesToAsync(OtherCustomer);
        Assert.DoesNotContain(invoice.Number, replies);
        Assert.DoesNotContain("Jane", replies);
        Assert.DoesNotContain("1,500", replies);
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task MerchantCommands_OfASecondMerchant_NeverSeeOrTouchTheFirstMerchantsInvoices()
    {
        const string second = "254700000002";
        var first = await _h.CreateInvoiceAsync(1500, customerName: "Jane Wanjiku");
        await _h.CreateInvoiceAsync(2700, customerName: "Jane Wanjiku");
        await using (var c = await _h.Factory.Db.OpenAsync(default))
            await c.ExecuteAsync("INSERT INTO merchants (phone, name, created_at, updated_at) VALUES (@second, 'Other Shop', @now, @now)",
                new { second, now = DateTimeOffset.UtcNow });

        foreach (var command in new[] { "list", $"status {first.Number}", $"remind {first.Number}", $"cancel {first.Number}", "stats" })
            await SendTextAsync(second, command);
        await _h.InboxDrainedAsync();

        Assert.Equal(first.Status, (await _h.InvoiceAsync(first.Id))!.Status);
        Assert.DoesNotContain(await _h.OutboxAsync(), e => e.Recipient == PaymentHarness.Customer && e.Purpose != OutboxPurpose.Invoice);
        var replies = await RepliesToAsync(second);
        Assert.NotEmpty(replies);
        foreach (var leak in new[] { "Jane", "0712345678", "1,500", "2,700", "4,200" })
            Assert.DoesNotContain(leak, replies);
    }

    [Fact]
    public async Task PayPage_EveryWrongToken_TheSameNotFoundAndNothingStarted()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?> { ["PayPage:PerIpPermitLimit"] = "1000" });
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.TapAsync((await h.CreateInvoiceAsync(800, OtherCustomer)).Id, from: OtherCustomer);
        var (othersPayment, _) = await h.WaitForPushAsync(1);
        var token = invoice.PayToken;
        string[] guesses =
        [
            SecureToken.New(), invoice.Id, invoice.Number, othersPayment.CallbackToken!, othersPayment.CheckoutRequestId!,
            token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), token[..^1], token + "A", token.ToUpperInvariant() == token ? token.ToLowerInvariant() : token.ToUpperInvariant(),
            "%27%20OR%201%3D1--", "..%2F..%2Finvoices", new string('A', 64),
        ];
        var client = h.Factory.CreateClient();
        var baseline = await AnswerAsync(client, HttpMethod.Get, "/pay/" + guesses[0]);

        foreach (var guess in guesses)
        {
            Assert.Equal(baseline, await AnswerAsync(client, HttpMethod.Get, "/pay/" + guess));
            Assert.Equal(baseline, await AnswerAsync(client, HttpMethod.Post, "/pay/" + guess));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/pay/{guess}/status")).StatusCode);
        }

        Assert.StartsWith("404", baseline);
        Assert.Single(h.Daraja.StkPushes);
        Assert.Empty(await h.PaymentsAsync(invoice.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pay/" + token)).StatusCode);
    }

    /// <summary>Status, the headers that matter and the body: what a guesser can compare.</summary>
    private static async Task<string> AnswerAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["msisdn"] = "" });
        using var response = await client.SendAsync(request);
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Headers.CacheControl} {await response.Content.ReadAsStringAsync()}";
    }

    private async Task SendTextAsync(string from, string text) =>
        (await new WhatsAppSender(_h.Factory).TextAsync(from, text)).EnsureSuccessStatusCode();

    private async Task<string> RepliesToAsync(string recipient) =>
        string.Join("\n", (await _h.OutboxAsync()).Where(e => e.Recipient == recipient).Select(e => e.Payload));
}
