using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;

namespace InvoiceFirst.Integration.Tests.Hosting;

/// <summary>Behind Fly's proxy every request comes from the proxy: the client is who a known proxy says it is, and nobody else may say so.</summary>
public sealed class ClientAddressTests : IAsyncLifetime
{
    private const string Proxy = "172.19.4.10";
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync(new Dictionary<string, string?>
    {
        ["App:KnownProxies"] = "172.16.0.0/12",
        ["App:ForwardedForHeader"] = "Fly-Client-IP",
        ["PayPage:PerIpPermitLimit"] = "1",
        ["PayPage:PerInvoicePermitLimit"] = "10",
        ["PayPage:WindowSeconds"] = "120",
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(Proxy, "https", HttpStatusCode.OK)] // TLS ended at our proxy, which says so
    [InlineData("198.51.100.7", "https", HttpStatusCode.BadRequest)] // anyone else saying so is not believed
    [InlineData(Proxy, null, HttpStatusCode.BadRequest)] // plain http all the way
    public async Task LoginPage_InLive_OnlyOverHttps_AsAKnownProxyReportsIt(string peer, string? proto, HttpStatusCode expected)
    {
        using var client = _h.Factory.CreateClient(); // http://localhost: what the machine sees behind Fly's proxy
        foreach (var path in new[] { "/app/login", "/ops/login", "/setup/mpesa/some-token" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(TestPeerAddress.Header, peer);
            if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
            var response = await client.SendAsync(request);

            Assert.Equal(path.StartsWith("/setup", StringComparison.Ordinal) && expected == HttpStatusCode.OK ? HttpStatusCode.NotFound : expected,
                response.StatusCode);
            if (expected == HttpStatusCode.BadRequest)
                Assert.Equal($"This page works over HTTPS only: open https://localhost{path}", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task PayPress_TwoClientsBehindAKnownProxy_EachHasItsOwnPerIpLimit()
    {
        var invoices = new[] { await _h.CreateInvoiceAsync(100), await _h.CreateInvoiceAsync(200), await _h.CreateInvoiceAsync(300) };

        var first = await PressAsync(invoices[0], peer: Proxy, client: "41.90.64.1");
        var second = await PressAsync(invoices[1], peer: Proxy, client: "41.90.64.2");
        var firstAgain = await PressAsync(invoices[2], peer: Proxy, client: "41.90.64.1");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
            new[] { first.StatusCode, second.StatusCode, firstAgain.StatusCode });
    }

    [Fact]
    public async Task PayPress_HeaderFromAPeerThatIsNotAKnownProxy_IsIgnored()
    {
        var invoices = new[] { await _h.CreateInvoiceAsync(100), await _h.CreateInvoiceAsync(200) };

        // Someone on the internet naming a fresh "client" per request to dodge the limit.
        var first = await PressAsync(invoices[0], peer: "198.51.100.7", client: "41.90.64.1");
        var second = await PressAsync(invoices[1], peer: "198.51.100.7", client: "41.90.64.2");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], new[] { first.StatusCode, second.StatusCode });
        await _h.Daraja.WaitForStkPushesAsync(1, PaymentHarness.Deadline);
        Assert.Single(_h.Daraja.StkPushes);
    }

    private async Task<HttpResponseMessage> PressAsync(Invoice invoice, string peer, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/pay/{invoice.PayToken}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["msisdn"] = "" }),
        };
        request.Headers.Add(TestPeerAddress.Header, peer);
        request.Headers.Add("Fly-Client-IP", client);
        using var http = _h.Factory.CreateClient();
        return await http.SendAsync(request);
    }
}
