using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Merchants;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Messaging.OwnNumbers;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>
/// Merchants on WhatsApp numbers of their own beside one on the shared number, over the real host and PostgreSQL: what
/// goes from which number with which token, who a message to a merchant's number acts for, and the operator's API.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class MerchantWhatsAppNumberTests
{
    private const string Customer = MessagingHost.Customer;

    [Fact]
    public async Task Invoice_ThreeMerchants_EachCustomerHearsFromTheRightNumberWithItsTokenAndTemplate()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;

        await ThreeMerchants.CreateInvoiceAsync(numbers.Acme.Key, "0712000001");
        await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, "0712000002");
        await ThreeMerchants.CreateInvoiceAsync(numbers.Tatu.Key, "0712000003");

        var acme = await numbers.SentToAsync("254712000001");
        var duka = await numbers.SentToAsync("254712000002");
        var tatu = await numbers.SentToAsync("254712000003");
        Assert.Equal((SharedId, SharedToken, "invoice_v1"), Sent(acme));
        Assert.Equal((DukaId, DukaToken, "duka_invoice"), Sent(duka));
        Assert.Equal((TatuId, TatuToken, "tatu_invoice"), Sent(tatu));
        var rows = (await host.OutboxAsync()).Where(o => o.Purpose == OutboxPurpose.Invoice).ToList();
        Assert.Equal([DukaId, TatuId], rows.Where(o => o.BusinessNumberId is not null).Select(o => o.BusinessNumberId).Order());
    }

    [Fact]
    public async Task Tap_OnOneMerchantsNumber_NeverActsForAnotherMerchant()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;
        await ThreeMerchants.CreateInvoiceAsync(numbers.Acme.Key, Customer);
        var dukas = await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, Customer);
        var tatus = await ThreeMerchants.CreateInvoiceAsync(numbers.Tatu.Key, Customer);

        // Tatu's invoice tapped on Duka's number: answered as if there were no such invoice, and no payment starts.
        await numbers.TapAsync(Customer, "pay:" + tatus, DukaId);
        var refused = await numbers.SentToAsync(Customer, r => FakeWhatsAppGraph.FromNumber(r) == DukaId && Text(r).Contains("not sent to this number"));
        Assert.Equal(DukaToken, FakeWhatsAppGraph.Token(refused));
        Assert.Empty(await PaymentsAsync(host));

        // PAY on Duka's number sees only Duka's invoice, of the three this customer owes: no "which one?", its push starts.
        await numbers.WriteAsync(Customer, "PAY", DukaId);
        await MessagingHost.UntilAsync(async () => (await PaymentsAsync(host)).Count == 1, "one payment");
        Assert.Equal([dukas], await PaymentsAsync(host));
        var answer = await numbers.SentToAsync(Customer, r => FakeWhatsAppGraph.FromNumber(r) == DukaId && Text(r).Contains("check your phone", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("unpaid invoices", Text(answer));
    }

    [Fact]
    public async Task OwnerCommand_OnOwnNumber_ActsForThatMerchant_AndAnotherMerchantsOwnerThereIsACustomer()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;

        await numbers.WriteAsync(DukaOwner, "invoice 0733000333 500 Sukuma", DukaId);
        var toCustomer = await numbers.SentToAsync("254733000333");
        await numbers.WriteAsync(TatuOwner, "invoice 0733000444 900 Nails", DukaId);
        var toTatu = await numbers.SentToAsync(TatuOwner, r => FakeWhatsAppGraph.FromNumber(r) == DukaId);

        Assert.Equal((DukaId, DukaToken, "duka_invoice"), Sent(toCustomer));
        await using var c = await host.Bot.Db.OpenAsync(default);
        var invoices = (await c.QueryAsync<(long, string)>("SELECT merchant_id, msisdn FROM invoices")).ToList();
        Assert.Equal([(numbers.Duka.Id, "254733000333")], invoices);
        // Tatu's owner on Duka's number is one of Duka's customers there: told how to pay, no invoice made for Tatu.
        Assert.DoesNotContain("0733000444", Text(toTatu));
        Assert.DoesNotContain(host.Graph.Requests.All, r => MessagingHost.To(r) == "254733000444");
    }

    [Fact]
    public async Task Delete_MerchantBackOnTheSharedNumber_NextInvoiceGoesFromIt()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;

        var deleted = await numbers.Merchants.Operator.DeleteAsync($"/merchants/{numbers.Duka.Id}/whatsapp");
        await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, "0712000002");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False((await JsonAsync(deleted)).GetProperty("own_number").GetBoolean());
        Assert.Equal((SharedId, SharedToken, "invoice_v1"), Sent(await numbers.SentToAsync("254712000002")));
        Assert.False((await JsonAsync(await numbers.Merchants.Operator.GetAsync($"/merchants/{numbers.Duka.Id}/whatsapp"))).GetProperty("own_number").GetBoolean());
    }

    [Fact]
    public async Task Token_StoredEncrypted_AndNeverInAnAnswerALogLineOrTheMessageLog()
    {
        var log = LogCapture.Start();
        var numbers = await StartAsync(log.Settings());
        await using var host = numbers.Host;
        const string rotated = "EAAG-duka-rotated-token-0003";
        host.Graph.AddNumber(DukaId, rotated);

        var put = await numbers.PutAsync(numbers.Duka.Id, DukaId, rotated, "+254 711 000 111", "duka_invoice");
        var get = await numbers.Merchants.Operator.GetAsync($"/merchants/{numbers.Duka.Id}/whatsapp");
        await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, "0712000002");
        var sent = await numbers.SentToAsync("254712000002");

        Assert.Equal(rotated, FakeWhatsAppGraph.Token(sent)); // rotating the token is a PUT again
        var shown = await get.Content.ReadAsStringAsync();
        Assert.Contains("\"access_token_saved\":true", shown);
        Assert.Contains("\"display_phone_number\":\"+254711000111\"", shown);
        await using var c = await host.Bot.Db.OpenAsync(default);
        var stored = await c.QuerySingleAsync<string>("SELECT access_token FROM merchant_whatsapp WHERE merchant_id = @id", new { id = numbers.Duka.Id });
        var messageLog = string.Join("\n", await c.QueryAsync<string>("SELECT concat_ws('|', channel, provider, provider_message_id, status, error_code) FROM message_log"));
        var outbox = string.Join("\n", (await host.OutboxAsync()).Select(o => o.Payload + o.LastError + o.BusinessNumberId));
        foreach (var token in new[] { DukaToken, TatuToken, rotated })
        {
            Assert.DoesNotContain(token, stored);
            Assert.DoesNotContain(token, await put.Content.ReadAsStringAsync());
            Assert.DoesNotContain(token, shown);
            Assert.DoesNotContain(token, messageLog);
            Assert.DoesNotContain(token, outbox);
            Assert.DoesNotContain(log.Lines, line => line.Contains(token, StringComparison.Ordinal));
        }
        Assert.StartsWith("CfDJ8", stored); // a Data Protection payload
    }

    [Fact]
    public async Task Status_MatchesOnlyTheNumberTheMessageWentFrom()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;
        await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, "0712000002");
        var sent = await numbers.SentToAsync("254712000002");
        var wamid = host.Graph.Issued.Single(i => i.Request == sent).Id;
        await MessagingHost.UntilAsync(async () => (await host.OutboxAsync()).Any(o => o.ProviderMessageId == wamid), "the send recorded");

        // Each status once (the inbox keeps one event per wamid and status): on numbers the message did not go from.
        await host.PostSignedAsync(StatusOn(wamid, "delivered", SharedId));
        await host.PostSignedAsync(StatusOn(wamid, "failed", TatuId));
        await host.Bot.InboxDrainedAsync(); // both handled; a fallback SMS would be queued in the same transaction
        Assert.Equal(OutboxStatus.Sent, (await host.OutboxAsync()).Single(o => o.ProviderMessageId == wamid).Status);
        Assert.Single(await host.OutboxAsync(), o => o.Recipient == "254712000002");
        Assert.Equal(0, host.AfricasTalking.Requests.Count); // no fallback SMS for a 'failed' that was not this message's

        await host.PostSignedAsync(StatusOn(wamid, "read", DukaId));
        await MessagingHost.UntilAsync(async () => (await host.OutboxAsync()).Single(o => o.ProviderMessageId == wamid).Status == OutboxStatus.Read,
            "read on Duka's number");
    }

    [Fact]
    public async Task Window_IsPerNumber_WritingToTheSharedNumberOpensNoMerchantsOwn()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;
        await host.MarkCustomerWroteAsync(Customer, DateTimeOffset.UtcNow.AddHours(-1));

        await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, Customer);
        Assert.Equal("template", (await numbers.SentToAsync(Customer, r => FakeWhatsAppGraph.FromNumber(r) == DukaId)).Json["type"]!.GetValue<string>());

        await numbers.WriteAsync(Customer, "hello", DukaId);
        await numbers.SentToAsync(Customer, r => FakeWhatsAppGraph.FromNumber(r) == DukaId && r.Json["type"]!.GetValue<string>() != "template");
        var before = host.Graph.Requests.Count;
        await ThreeMerchants.CreateInvoiceAsync(numbers.Duka.Key, Customer);
        await MessagingHost.UntilAsync(() => Task.FromResult(host.Graph.Requests.All.Skip(before)
            .Any(r => MessagingHost.To(r) == Customer && FakeWhatsAppGraph.FromNumber(r) == DukaId)), "the second invoice");
        var second = host.Graph.Requests.All.Skip(before).First(r => MessagingHost.To(r) == Customer && FakeWhatsAppGraph.FromNumber(r) == DukaId);
        Assert.Equal("interactive", second.Json["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_WrongInput_400NamingTheField_NoSuchMerchant404_TakenNumber409_MetaRefuses400()
    {
        var numbers = await StartAsync();
        await using var host = numbers.Host;
        var api = numbers.Merchants.Operator;

        var bad = await api.PutAsJsonAsync($"/merchants/{numbers.Acme.Id}/whatsapp",
            new { phone_number_id = "+254 711 000 333", access_token = "short", display_phone_number = "12", templates = new { invoice = "Invoice V1!" } });
        var shared = await numbers.PutAsync(numbers.Acme.Id, SharedId, "EAAG-some-long-enough-token-01");
        var missing = await numbers.PutAsync(999_999, "300000000000003", "EAAG-some-long-enough-token-01");
        var taken = await numbers.PutAsync(numbers.Acme.Id, DukaId, DukaToken);
        // Meta is asked before anything is saved: a number it does not know, then a token it refuses for a number it knows.
        var unknown = await numbers.PutAsync(numbers.Acme.Id, "300000000000003", "EAAG-some-long-enough-token-01");
        host.Graph.AddNumber("300000000000003", "EAAG-the-right-token-00000003");
        var refused = await numbers.PutAsync(numbers.Acme.Id, "300000000000003", "EAAG-some-long-enough-token-01");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        foreach (var field in new[] { "phone_number_id", "access_token", "display_phone_number", "templates.invoice" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(HttpStatusCode.BadRequest, shared.StatusCode);
        Assert.Contains("shared", await shared.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await JsonAsync(unknown)).GetProperty("errors").TryGetProperty("phone_number_id", out _));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("code 190", (await JsonAsync(refused)).GetProperty("errors").GetProperty("access_token")[0].GetString());
        Assert.Contains(host.Graph.NumberChecks.All, r => r.Path.EndsWith("/300000000000003", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/merchants/999999/whatsapp")).StatusCode);
        Assert.False((await JsonAsync(await api.GetAsync($"/merchants/{numbers.Acme.Id}/whatsapp"))).GetProperty("own_number").GetBoolean());
    }

    [Fact]
    public async Task Sqlite_Invoice_GoesFromTheMerchantsOwnNumber()
    {
        var settings = new Dictionary<string, string?> { ["App:DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-sqlite-").FullName };
        var numbers = await StartAsync(settings, connectionString: "");
        await using var host = numbers.Host;

        await ThreeMerchants.CreateInvoiceAsync(numbers.Tatu.Key, "0712000003");
        Assert.Equal((TatuId, TatuToken, "tatu_invoice"), Sent(await numbers.SentToAsync("254712000003")));
        await numbers.TapAsync("254712000003", "pay:nothing-of-tatus", TatuId);

        var answer = await numbers.SentToAsync("254712000003", r => r.Json["type"]?.GetValue<string>() != "template");
        Assert.Equal((TatuId, TatuToken, null), Sent(answer));
        Assert.Contains("not sent to this number", Text(answer));
    }

    private static (string From, string? Token, string? Template) Sent(RecordedRequest r) =>
        (FakeWhatsAppGraph.FromNumber(r), FakeWhatsAppGraph.Token(r), r.Json["template"]?["name"]?.GetValue<string>());

    private static byte[] StatusOn(string wamid, string status, string numberId) =>
        WebhookBuilders.Bytes(WebhookBuilders.Envelope(statuses: [WebhookBuilders.Status(wamid, status, "254712000002")], phoneNumberId: numberId));

    private static async Task<List<string>> PaymentsAsync(MessagingHost host)
    {
        await using var c = await host.Bot.Db.OpenAsync(default);
        return (await c.QueryAsync<string>("SELECT invoice_id FROM payments ORDER BY id")).AsList();
    }
}
