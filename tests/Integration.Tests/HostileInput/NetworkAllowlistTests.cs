using Dapper;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.HostileInput;

/// <summary>
/// Defence in depth for the providers that sign nothing: a callback from outside <c>{Section}:AllowedNetworks</c>
/// is refused (or, in log mode, only reported), judged on the real client address behind a known proxy.
/// </summary>
public sealed class NetworkAllowlistTests
{
    private const string Safaricom = "196.201.212.69";
    private const string Elsewhere = "203.0.113.9";
    private const string Proxy = "10.1.2.3";

    [Fact]
    public async Task StkCallback_FromOutsideTheMpesaNetworks_404NothingStoredThenFromInsideSettles()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?> { ["Mpesa:AllowedNetworks"] = NetworkList });
        var (payment, invoice) = await PromptAsync(h);

        var outside = await CallbackAsync(h, payment, peer: Elsewhere);
        await h.InboxDrainedAsync();
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(0L, await InboxCountAsync(h, Providers.Mpesa));
        Assert.Equal(PaymentStatus.Initiated, (await h.PaymentsAsync(invoice.Id)).Single().Status);

        var inside = await CallbackAsync(h, payment, peer: Safaricom);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
    }

    [Fact]
    public async Task StkCallback_LogModeFromOutside_WarnsAndGoesThrough()
    {
        var log = LogCapture.Start();
        var settings = log.Settings();
        settings["Mpesa:AllowedNetworks"] = NetworkList;
        settings["Mpesa:NetworkMode"] = "log";
        await using var h = await PaymentHarness.StartAsync(settings);
        var (payment, invoice) = await PromptAsync(h);

        var response = await CallbackAsync(h, payment, peer: Elsewhere);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        var warning = Assert.Single(log.Lines, l => l.Contains("outside \"Mpesa:AllowedNetworks\"", StringComparison.Ordinal));
        Assert.Contains($"from \"{Elsewhere}\"", warning);
        Assert.Contains("let through", warning);
        Assert.DoesNotContain(payment.CallbackToken!, warning);
    }

    [Fact]
    public async Task StkCallback_BehindAKnownProxy_TheForwardedClientIsJudgedAndASpoofedHeaderIsNot()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Mpesa:AllowedNetworks"] = NetworkList,
            ["App:KnownProxies"] = "10.0.0.0/8",
        });
        var (payment, invoice) = await PromptAsync(h);

        // The proxy itself is not Safaricom; a peer outside the known proxies cannot claim to be.
        var proxyOnly = await CallbackAsync(h, payment, peer: Proxy);
        var spoofed = await CallbackAsync(h, payment, peer: Elsewhere, forwardedFor: Safaricom);
        Assert.Equal(HttpStatusCode.NotFound, proxyOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, spoofed.StatusCode);
        Assert.Equal(0L, await InboxCountAsync(h, Providers.Mpesa));

        var forwarded = await CallbackAsync(h, payment, peer: Proxy, forwardedFor: Safaricom);
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
    }

    [Fact]
    public async Task SmsInbound_RightTokenFromOutsideTheAfricasTalkingNetworks_404NothingStored()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AfricasTalking:AllowedNetworks"] = "52.48.0.0/16",
        });
        using var client = h.Factory.CreateClient();

        var outside = await PostFormAsync(client, AfricasTalkingCallbacks.InboundPath(), Elsewhere);
        var inside = await PostFormAsync(client, AfricasTalkingCallbacks.InboundPath(), "52.48.7.7");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(1L, await InboxCountAsync(h, Providers.AfricasTalking));
    }

    private const string NetworkList = "196.201.214.200/32, 196.201.212.0/24";

    private static async Task<(Payment Payment, Invoice Invoice)> PromptAsync(PaymentHarness h)
    {
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.TapAsync(invoice.Id);
        var (payment, _) = await h.WaitForPushAsync(1);
        h.Daraja.SetQueryResult(payment.CheckoutRequestId!, "0", "The service request is processed successfully.");
        return (payment, invoice);
    }

    private static async Task<HttpResponseMessage> CallbackAsync(PaymentHarness h, Payment payment, string peer, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/payments/stk/callback/{payment.CallbackToken}")
        {
            Content = new StringContent(FakeDarajaCallbacks.Success(payment.CheckoutRequestId!, payment.AmountCents / 100m, "NLJ7RT61SV"),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var client = h.Factory.CreateClient();
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(AfricasTalkingCallbacks.Inbound("254799000111", "hello")),
        };
        request.Headers.Add(TestPeerAddress.Header, peer);
        return await client.SendAsync(request);
    }

    private static async Task<long> InboxCountAsync(PaymentHarness h, string provider)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox WHERE provider = @provider", new { provider });
    }
}
