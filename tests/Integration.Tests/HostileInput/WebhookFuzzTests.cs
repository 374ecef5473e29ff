using System.Net.Http.Headers;
using System.Text;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.HostileInput;

/// <summary>Every webhook the providers call, fed garbage by someone who knows the secrets: never a 500, never a crash.</summary>
public sealed class WebhookFuzzTests : IAsyncLifetime
{
    private const string TwilioToken = "test-twilio-token";
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = "ACtest",
        ["Twilio:AuthToken"] = TwilioToken,
        ["Twilio:SmsFrom"] = "+15005550006",
        ["AfricasTalking:Username"] = "sandbox",
        ["AfricasTalking:ApiKey"] = "test-at-key",
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Fuzz_EveryWebhookEndpoint_NeverA500AndTheHostStaysUp()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        string[] jsonPaths = ["/whatsapp/webhook", $"/payments/stk/callback/{payment.CallbackToken}", "/payments/stk/callback/unknown-token",
            BotFactory.C2bValidationPath, BotFactory.C2bConfirmationPath, "/payments/c2b/confirmation/wrong-token-0123456789abcdefghijk",
            "/payments/tx-status/result/unknown-token-0123456789abcdefghij"];
        string[] formPaths = [AfricasTalkingCallbacks.InboundPath(), AfricasTalkingCallbacks.StatusPath(), "/sms/inbound", "/sms/status/wrong-token",
            "/twilio/inbound", "/twilio/status"];
        var client = _h.Factory.CreateClient();
        var failures = new List<string>();
        var random = new Random(20261123);

        foreach (var path in jsonPaths)
            foreach (var (name, body) in JsonBodies(random, payment.CheckoutRequestId!))
                foreach (var type in new[] { "application/json", "text/plain", "application/x-www-form-urlencoded" })
                    Check(failures, path, name + " as " + type, await SendAsync(client, path, body, type));

        foreach (var path in formPaths)
            foreach (var (name, body) in FormBodies(random))
                Check(failures, path, name, await SendAsync(client, path, body, "application/x-www-form-urlencoded"));

        await _h.InboxDrainedAsync();
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Theory]
    [InlineData("/whatsapp/webhook")]
    [InlineData("/sms/inbound/" + AfricasTalkingCallbacks.Token)]
    [InlineData("/sms/status/" + AfricasTalkingCallbacks.Token)]
    [InlineData("/twilio/inbound")]
    [InlineData("/twilio/status")]
    [InlineData("/payments/stk/callback/some-token")]
    [InlineData(BotFactory.C2bValidationPath)]
    [InlineData(BotFactory.C2bConfirmationPath)]
    public async Task Post_BodyOverTheLimit_413AndNothingStored(string path)
    {
        var huge = new byte[5 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');

        var response = await SendAsync(_h.Factory.CreateClient(), path, huge, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    private static void Check(List<string> failures, string path, string what, HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500) failures.Add($"{path} {what}: {(int)response.StatusCode}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        // Authentic senders with hostile bodies: the signature is right, so parsing is what gets tested.
        if (path.StartsWith("/whatsapp/", StringComparison.Ordinal))
            request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(body, BotFactory.AppSecret));
        if (path.StartsWith("/twilio/", StringComparison.Ordinal) && TryForm(body) is { } form)
            request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute("https://bot.example.com" + path, form, TwilioToken));
        return await client.SendAsync(request);
    }

    private static List<KeyValuePair<string, string>>? TryForm(byte[] body)
    {
        try
        {
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))
                .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).ToList();
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static IEnumerable<(string Name, byte[] Body)> JsonBodies(Random random, string checkoutId)
    {
        var valid = $$$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
            "metadata":{"phone_number_id":"106540352242922"},"messages":[{"from":"254712345678","id":"wamid.x","timestamp":"1700000000","type":"text","text":{"body":"hi"}}]}}]}],
            "Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"{{{{checkoutId}}}}","ResultCode":0,"ResultDesc":"ok",
            "CallbackMetadata":{"Item":[{"Name":"Amount","Value":1e400},{"Name":"MpesaReceiptNumber","Value":"X"},{"Name":"PhoneNumber","Value":99999999999999999999999}]}}},
            "TransID":"T1","TransAmount":"1e308","BillRefNumber":"INV-0001","MSISDN":"254712345678"}
            """;
        yield return ("empty", []);
        yield return ("valid-ish", Encoding.UTF8.GetBytes(valid));
        for (var cut = 1; cut < valid.Length; cut += valid.Length / 12)
            yield return ($"truncated at {cut}", Encoding.UTF8.GetBytes(valid[..cut]));
        yield return ("nested arrays", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
        yield return ("nested objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000)));
        yield return ("invalid utf-8", [0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x80, 0x7d]);
        yield return ("huge numbers", Encoding.UTF8.GetBytes("""{"entry":[{"changes":[{"value":{"messages":[{"timestamp":1e99999,"from":123456789012345678901234567890}]}}]}],"Body":{"stkCallback":{"ResultCode":1e400,"CheckoutRequestID":12}},"TransAmount":-1e400}"""));
        yield return ("wrong types", Encoding.UTF8.GetBytes("""{"object":[],"entry":"x","Body":[],"TransID":{},"TransAmount":[]}"""));
        yield return ("null", "null"u8.ToArray());
        yield return ("string", "\"just a string\""u8.ToArray());
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            yield return ($"random #{i}", bytes);
        }
    }

    private static IEnumerable<(string Name, byte[] Body)> FormBodies(Random random)
    {
        yield return ("empty", []);
        yield return ("missing fields", "from=%2B254712345678"u8.ToArray());
        yield return ("wrong values", "id=&from=not-a-phone&to=&text=%00%FF&date=yesterday&status=Exploded&MessageSid=&MessageStatus=?&ErrorCode=1e400&failureReason=x"u8.ToArray());
        yield return ("invalid escapes", "from=%ZZ%&text=%E2%28%A1&&&=&=="u8.ToArray());
        yield return ("huge value", Encoding.UTF8.GetBytes("id=1&from=%2B254712345678&text=" + new string('x', 3_000_000)));
        yield return ("many fields", Encoding.UTF8.GetBytes(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}={i}"))));
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            yield return ($"random #{i}", bytes);
        }
    }
}
