using System.Text.Json;
using System.Text.RegularExpressions;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Payments;

public sealed partial class PayPageTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Get_OpenInvoice_ShowsMerchantNumberAmountMaskedPhoneQrAndPaybill()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        using var response = await Client().GetAsync($"/pay/{invoice.PayToken}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Acme Designs", html);
        Assert.Contains(invoice.Number, html);
        Assert.Contains("Website design", html);
        Assert.Contains("KES 1,500", html);
        Assert.Contains("placeholder=\"2547****678\"", html);
        Assert.DoesNotContain(PaymentHarness.Customer, html);
        // The renderer writes '+' in an attribute as &#x2B;: what the browser reads is the decoded value.
        Assert.StartsWith("data:image/svg+xml;base64,", WebUtility.HtmlDecode(ImageSource().Match(html).Groups[1].Value));
        Assert.Contains("Pay with M-PESA", html);
        Assert.Contains("Business number: <b>174379</b>", html);
        Assert.Contains($"Account number: <b>{invoice.PaymentRef}</b>", html);
    }

    [Fact]
    public async Task Get_DescriptionWithScriptTag_IsHtmlEncoded()
    {
        var created = await _h.Api.PostAsJsonAsync("/invoices",
            new { msisdn = PaymentHarness.Customer, amount_cents = 50000, description = "Logo <script>alert(1)</script>" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var invoice = (await _h.InvoiceAsync(id))!;

        var html = await Client().GetStringAsync($"/pay/{invoice.PayToken}");

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("Logo &lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Get_MerchantNameWithMarkup_IsHtmlEncodedInTitleAndHeading()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?> { ["Merchant:Name"] = "Acme <img src=x onerror=alert(1)> & \"Sons\"" });
        var invoice = await h.CreateInvoiceAsync(1500);

        var html = await h.Factory.CreateClient().GetStringAsync($"/pay/{invoice.PayToken}");

        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains($"<title>Pay {invoice.Number} - Acme &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Sons&quot;</title>", html);
        Assert.Contains("<h1>Acme &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Sons&quot;</h1>", html);
    }

    [Fact]
    public async Task Post_TypedNumberWithMarkup_EchoedEncodedInTheField()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        using var pressed = await PressAsync(invoice, "\"><script>alert(1)</script>");
        var html = await pressed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, pressed.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/\"", html);
        Assert.Empty(await _h.PaymentsAsync(invoice.Id));
    }

    [Fact]
    public async Task Get_UnknownToken_Returns404Page()
    {
        using var response = await Client().GetAsync("/pay/no-such-token-at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Invoice not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_EnteredNumber_PushesOnceToItAndStatusReportsPaidAfterCallback()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        using var pressed = await PressAsync(invoice, "0722 000 111");
        var (payment, push) = await _h.WaitForPushAsync(1);
        var waiting = await Client().GetFromJsonAsync<JsonElement>($"/pay/{invoice.PayToken}/status");
        await _h.PaySuccessAsync(payment);
        var paid = await Eventually.UntilAsync(() => Client().GetFromJsonAsync<JsonElement>($"/pay/{invoice.PayToken}/status"),
            s => s.GetProperty("paid").GetBoolean(), what: "status paid");

        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        Assert.Contains("Check your phone", await pressed.Content.ReadAsStringAsync());
        Assert.Single(_h.Daraja.StkPushes);
        Assert.Equal("254722000111", push.GetProperty("PhoneNumber").GetString());
        Assert.Equal("INITIATED", waiting.GetProperty("payment_status").GetString());
        Assert.False(waiting.GetProperty("paid").GetBoolean());
        Assert.Equal(InvoiceStatus.Paid.Value, paid.GetProperty("status").GetString());
        Assert.Equal(0, paid.GetProperty("balance_cents").GetInt64());
    }

    [Fact]
    public async Task Post_EmptyNumber_PushesToTheInvoicesNumber()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        using var pressed = await PressAsync(invoice, "");
        var (_, push) = await _h.WaitForPushAsync(1);

        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        Assert.Equal(PaymentHarness.Customer, push.GetProperty("PhoneNumber").GetString());
    }

    [Fact]
    public async Task Post_PaidInvoice_ShowsPaidAndPushesNothingMore()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        using (await PressAsync(invoice, "")) { }
        var (payment, _) = await _h.WaitForPushAsync(1);
        await _h.PaySuccessAsync(payment);
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        var page = await Client().GetStringAsync($"/pay/{invoice.PayToken}");
        using var again = await PressAsync(invoice, "");

        Assert.Contains("Paid. Thank you!", page);
        Assert.DoesNotContain("<button", page);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already paid", await again.Content.ReadAsStringAsync());
        Assert.Single(_h.Daraja.StkPushes);
        Assert.Single(await _h.PaymentsAsync(invoice.Id));
    }

    [Fact]
    public async Task Post_CancelledInvoice_ShowsCancelledAndStartsNothing()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.Factory.Db.InTransactionAsync((c, t) => InvoiceRepository.CancelAsync(c, t, invoice.Id, DateTimeOffset.UtcNow, default), default);

        var page = await Client().GetStringAsync($"/pay/{invoice.PayToken}");
        using var pressed = await PressAsync(invoice, "");

        Assert.Contains("cancelled", page);
        Assert.DoesNotContain("<button", page);
        Assert.Equal(HttpStatusCode.Conflict, pressed.StatusCode);
        Assert.Empty(await _h.PaymentsAsync(invoice.Id));
        Assert.Empty(_h.Daraja.StkPushes);
    }

    [Fact]
    public async Task Post_InvalidNumber_Returns400WithTheReasonAndStartsNothing()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        using var pressed = await PressAsync(invoice, "0201234567");
        var html = await pressed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, pressed.StatusCode);
        Assert.Contains("not a Kenyan mobile number", html);
        Assert.Contains("value=\"0201234567\"", html);
        Assert.Empty(await _h.PaymentsAsync(invoice.Id));
    }

    [Fact]
    public async Task Post_FourthPressOnOneInvoiceInAMinute_Returns429WithRetryAfter()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            using (var r = await PressAsync(invoice, "")) statuses.Add(r.StatusCode);
        using var limited = await PressAsync(invoice, "");
        // The push worker may claim the first push before the press does; it is made either way.
        await _h.WaitForPushAsync(1);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many tries", await limited.Content.ReadAsStringAsync());
        Assert.Single(_h.Daraja.StkPushes);
    }

    [Fact]
    public async Task Post_PastTheLimitPerIpAcrossInvoices_Returns429FromTheSettings()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?>
        {
            ["PayPage:PerIpPermitLimit"] = "2",
            ["PayPage:PerInvoicePermitLimit"] = "10",
            ["PayPage:WindowSeconds"] = "120",
        });
        var invoices = new[] { await h.CreateInvoiceAsync(100), await h.CreateInvoiceAsync(200), await h.CreateInvoiceAsync(300) };

        var statuses = new List<HttpStatusCode>();
        foreach (var invoice in invoices)
            using (var r = await PressAsync(h, invoice, "")) statuses.Add(r.StatusCode);
        await h.WaitForPushAsync(2);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, h.Daraja.StkPushes.Count);
        Assert.Empty(await h.PaymentsAsync(invoices[2].Id));
    }

    private Task<HttpResponseMessage> PressAsync(Invoice invoice, string msisdn) => PressAsync(_h, invoice, msisdn);

    private static async Task<HttpResponseMessage> PressAsync(PaymentHarness h, Invoice invoice, string msisdn) =>
        await h.Factory.CreateClient().PostAsync($"/pay/{invoice.PayToken}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["msisdn"] = msisdn }));

    private HttpClient Client() => _h.Factory.CreateClient();

    [GeneratedRegex("<img src=\"([^\"]*)\"")]
    private static partial Regex ImageSource();
}
