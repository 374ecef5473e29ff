using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Invoices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Payments.Merchants;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>
/// Merchants paid into their own M-PESA: each owner enters their Daraja app's keys on the page the chat links to, and
/// every push and query for their invoices uses that app, shortcode and passkey. Over PostgreSQL and the loopback Daraja.
/// </summary>
public sealed class MerchantDarajaTests : IAsyncLifetime
{
    private static readonly Shop Duka = new("254722000111", "Duka Moja", "key-duka-moja", "secret-duka-moja-5f1c", "600111",
        "passkey-duka-moja-9a7e3c1b");
    private static readonly Shop Kibanda = new("254733000222", "Kibanda", "key-kibanda", "secret-kibanda-2d8e", "600222",
        "passkey-kibanda-4b6f0d2a");

    private readonly LogCapture _log = LogCapture.Start();
    private PaymentHarness _h = null!;

    private sealed record Shop(string Phone, string Name, string ConsumerKey, string ConsumerSecret, string ShortCode, string Passkey)
    {
        public long Id { get; set; }
    }

    public async Task InitializeAsync()
    {
        _h = await PaymentHarness.StartAsync(_log.Settings());
        foreach (var shop in new[] { Duka, Kibanda })
        {
            var created = await (await _h.Api.PostAsJsonAsync("/merchants", new { phone = shop.Phone, name = shop.Name })).Content.ReadFromJsonAsync<JsonElement>();
            shop.Id = created.GetProperty("id").GetInt64();
            _h.Daraja.LearnApp(shop.ConsumerKey, shop.ConsumerSecret);
        }
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TwoMerchantsOwnApps_EachPushAndQueryCarriesItsOwnShortcodePasswordAndToken_EachCallbackPaysTheRightInvoice()
    {
        await SetUpAsync(Duka);
        await SetUpAsync(Kibanda);
        var house = await _h.CreateInvoiceAsync(300, "254711000333");
        var duka = await CreateForAsync(Duka, 1500, "254711000444");
        var kibanda = await CreateForAsync(Kibanda, 800, "254711000555");

        var pushes = new Dictionary<string, (Data.Payments.Payment Payment, JsonElement Push)>();
        var n = 0;
        foreach (var (invoice, payer) in new[] { (house, "254711000333"), (duka, "254711000444"), (kibanda, "254711000555") })
        {
            await _h.TapAsync(invoice.Id, payer);
            pushes[invoice.Id] = await _h.WaitForPushAsync(++n);
        }
        foreach (var (payment, _) in pushes.Values) await _h.PaySuccessAsync(payment, "R" + payment.Id.ToString("D9"));
        var paid = new List<Data.Invoices.Invoice>();
        foreach (var id in new[] { house.Id, duka.Id, kibanda.Id }) paid.Add(await _h.UntilInvoiceAsync(id, i => i.Status == InvoiceStatus.Paid));

        AssertPushedWith(pushes[duka.Id].Push, _h.Daraja.StkPushes[1].BearerToken, Duka.ShortCode, Duka.Passkey, Duka.ConsumerKey);
        AssertPushedWith(pushes[kibanda.Id].Push, _h.Daraja.StkPushes[2].BearerToken, Kibanda.ShortCode, Kibanda.Passkey, Kibanda.ConsumerKey);
        AssertPushedWith(pushes[house.Id].Push, _h.Daraja.StkPushes[0].BearerToken, "174379",
            "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919", _h.Daraja.ConsumerKey);
        // Live confirms each success with STK Query: asked of the app that pushed it.
        var queries = _h.Daraja.StkQueries.Select(q => (Code: JsonDocument.Parse(q.Body).RootElement.GetProperty("BusinessShortCode").GetString(),
            App: _h.Daraja.AppOf(q.BearerToken))).ToList();
        Assert.Contains((Duka.ShortCode, Duka.ConsumerKey), queries);
        Assert.Contains((Kibanda.ShortCode, Kibanda.ConsumerKey), queries);
        Assert.All(paid, i => Assert.Equal(i.AmountCents, i.AmountPaidCents));
        Assert.Contains("your own Paybill 600111", await new MerchantChatDriver(_h.Factory, Duka.Phone).SayAsync("mpesa"));
    }

    [Fact]
    public async Task SetupPage_RefusedKeysSaveNothing_AcceptedOnesAreEncrypted_TheLinkWorksOnce_NoSecretInAnyTableOrLog()
    {
        var chat = new MerchantChatDriver(_h.Factory, Duka.Phone);
        var link = LinkIn(await chat.SayAsync("mpesa setup"));
        var browser = Browser();
        var page = await browser.GetStringAsync(link);
        var refused = await PostSetupAsync(browser, link, Duka with { ConsumerSecret = "not-the-secret" });
        var stillOpen = await browser.GetAsync(link);
        var tooShort = await PostSetupAsync(browser, link, Duka with { ShortCode = "12" });
        var saved = await PostSetupAsync(browser, link, Duka);
        var again = await browser.GetAsync(link);
        var staffTries = await new MerchantChatDriver(_h.Factory, Duka.Phone).SayAsync("staff add 0711222333 Otieno");
        var staffSetup = await new MerchantChatDriver(_h.Factory, "254711222333").SayAsync("mpesa setup");

        Assert.Contains("For Duka Moja", page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Safaricom did not accept this consumer key and secret", await TextAsync(refused));
        Assert.DoesNotContain("not-the-secret", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
        Assert.Contains("The shortcode is 5 to 7 digits", await TextAsync(tooShort));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("from now on your customers pay into your Paybill 600111", await TextAsync(saved));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Otieno", staffTries);
        Assert.DoesNotContain("/setup/mpesa/", staffSetup);

        foreach (var secret in new[] { Duka.ConsumerKey, Duka.ConsumerSecret, Duka.Passkey })
        {
            Assert.DoesNotContain(secret, await EveryRowAsync());
            Assert.DoesNotContain(_log.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, await saved.Content.ReadAsStringAsync());
        }
        var keys = _h.Factory.Services.GetRequiredService<MerchantDarajaKeys>();
        Assert.Equal(Duka.Passkey, (await keys.ForMerchantAsync(Duka.Id, default)).Passkey);
    }

    [Fact]
    public async Task RotatedDataProtectionKey_OldSecretsStayReadable_NewOnesUseTheNewKey()
    {
        await SetUpAsync(Duka);
        var manager = _h.Factory.Services.GetRequiredService<IKeyManager>();
        manager.CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        var keys = _h.Factory.Services.GetRequiredService<MerchantDarajaKeys>();

        var old = await keys.ForMerchantAsync(Duka.Id, default);
        await SetUpAsync(Kibanda);
        var fresh = await keys.ForMerchantAsync(Kibanda.Id, default);

        Assert.Equal((Duka.ConsumerSecret, Duka.Passkey), (old.ConsumerSecret, old.Passkey));
        Assert.Equal(Kibanda.Passkey, fresh.Passkey);
        Assert.True(manager.GetAllKeys().Count >= 2);
    }

    [Fact]
    public async Task OwnKeysRefusedAtPush_TheOwnerIsToldWhatToFix_AnotherMerchantStillPays_RemoveFallsBackToTheDeployment()
    {
        await SetUpAsync(Duka);
        var refused = await CreateForAsync(Duka, 1500, "254711000444");
        var other = await _h.CreateInvoiceAsync(300, "254711000333");
        _h.Daraja.EnqueueStkError(400, "400.002.02", "Bad Request - Invalid Password");
        await _h.TapAsync(refused.Id, "254711000444");
        await _h.Daraja.WaitForStkPushesAsync(1, PaymentHarness.Deadline);
        var told = await PaymentHarness.UntilAsync(async () => (await _h.OutboxAsync()).FirstOrDefault(o =>
            o.Recipient == Duka.Phone && o.DedupeKey!.StartsWith("mpesa:keys-refused:", StringComparison.Ordinal)));
        await _h.TapAsync(other.Id, "254711000333");
        var (payment, push) = await _h.WaitForPushAsync(2);
        await _h.PaySuccessAsync(payment);
        await _h.UntilInvoiceAsync(other.Id, i => i.Status == InvoiceStatus.Paid);
        var chat = new MerchantChatDriver(_h.Factory, Duka.Phone);
        var removed = await chat.SayAsync("mpesa remove");
        var after = await chat.SayAsync("mpesa");
        await _h.TapAsync(refused.Id, "254711000444");
        var (_, fallback) = await _h.WaitForPushAsync(3);

        Assert.Contains("send mpesa setup to enter them again", Data.Outbox.OutboxRepository.Deserialize(told.Payload).Text);
        Assert.Equal("174379", push.GetProperty("BusinessShortCode").GetRawText());
        Assert.Contains("Your Daraja keys are removed", removed);
        Assert.Contains("this service's M-PESA account", after);
        Assert.Equal("174379", fallback.GetProperty("BusinessShortCode").GetRawText());
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM merchant_mpesa")); // nothing in flight needed them: erased
    }

    [Fact]
    public async Task PaybillByHandToAMerchantsOwnShortcode_AskedWithItsOwnAppAndInitiator_PaysOnlyItsInvoices()
    {
        var initiator = Testing.Fakes.FakeInitiator.Shared;
        var page = await SetUpAsync(Duka, withInitiator: true);
        await SetUpAsync(Kibanda);
        var invoice = await CreateForAsync(Duka, 1500, "254711000444");
        var registered = _h.Daraja.RegisterUrlRequests.Select(r => (
            Code: JsonDocument.Parse(r.Body).RootElement.GetProperty("ShortCode").GetString(), App: _h.Daraja.AppOf(r.BearerToken))).ToList();

        _h.Daraja.KnowPayment("RKL51ZDR5A", 1500, creditShortCode: Duka.ShortCode);
        await _h.ConfirmC2bAsync(PaidTo(Duka.ShortCode, "RKL51ZDR5A", invoice.PaymentReference, 1500));
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        _h.Daraja.KnowPayment("RKL51ZDR5B", 700, creditShortCode: Duka.ShortCode);
        await _h.ConfirmC2bAsync(PaidTo(Duka.ShortCode, "RKL51ZDR5B", "SOMETHING", 700));
        var heldNotice = await PaymentHarness.UntilAsync(async () => (await _h.OutboxAsync()).SingleOrDefault(o => o.DedupeKey == "c2b:unapplied:RKL51ZDR5B"));
        await _h.ConfirmC2bAsync(PaidTo(Kibanda.ShortCode, "RKL51ZDR5C", "INV-0001", 300));
        var unverifiable = await PaymentHarness.UntilAsync(async () => (await _h.ConfirmationsAsync())
            .SingleOrDefault(c => c.TransId == "RKL51ZDR5C" && c.Status == "UNVERIFIED"));
        var query = _h.Daraja.StatusQueries.First(q => q.TransactionId == "RKL51ZDR5A");

        Assert.Contains("Payments customers make by hand to it", page);
        Assert.Contains((Duka.ShortCode, Duka.ConsumerKey), registered);
        Assert.Contains((Kibanda.ShortCode, Kibanda.ConsumerKey), registered);
        Assert.Equal(150_000, paid.AmountPaidCents);
        Assert.Equal(Duka.ShortCode, query.PartyA);
        Assert.Equal(Duka.ConsumerKey, _h.Daraja.AppOf(_h.Daraja.Requests.For(Testing.Fakes.FakeDaraja.TransactionStatusPath)
            .First(r => r.Body.Contains("RKL51ZDR5A", StringComparison.Ordinal)).BearerToken));
        Assert.True(initiator.Accepts(query.Initiator, query.SecurityCredential));
        Assert.Equal(Duka.Phone, heldNotice.Recipient); // paid to Duka's own Paybill: Duka's money, whatever was typed
        Assert.Contains("no initiator", unverifiable.Reason);
    }

    /// <summary>A Paybill confirmation as Daraja posts it, paid to <paramref name="shortCode"/>.</summary>
    private static string PaidTo(string shortCode, string transId, string account, long shillings) =>
        PaymentHarness.C2bConfirmation(transId, account, shillings).Replace("\"BusinessShortCode\":\"174379\"", $"\"BusinessShortCode\":\"{shortCode}\"",
            StringComparison.Ordinal);

    [Fact]
    public async Task OwnApp_MerchantOnCollectionRoute_NeverCreditedToTheLedger_TheDeploymentsCollectionMerchantIs()
    {
        await SetUpAsync(Duka);
        var house = await MerchantLedgerTests.SetRouteAsync(_h, "COLLECTION");
        await using (var c = await _h.Factory.Db.OpenAsync(default))
            await c.ExecuteAsync("UPDATE merchants SET pay_route = 'COLLECTION' WHERE id = @id", new { id = Duka.Id });
        var own = await CreateForAsync(Duka, 1500, "254711000444");
        var collected = await _h.CreateInvoiceAsync(300, "254711000333");

        await _h.TapAsync(own.Id, "254711000444");
        var (ownPayment, _) = await _h.WaitForPushAsync(1);
        await _h.TapAsync(collected.Id, "254711000333");
        var (collectedPayment, _) = await _h.WaitForPushAsync(2);
        await _h.PaySuccessAsync(ownPayment, "RDUKA00001");
        await _h.PaySuccessAsync(collectedPayment, "RHOUSE0001");
        await _h.UntilInvoiceAsync(own.Id, i => i.Status == InvoiceStatus.Paid);
        await _h.UntilInvoiceAsync(collected.Id, i => i.Status == InvoiceStatus.Paid);
        await _h.InboxDrainedAsync();

        var dukaLedger = await _h.Api.GetFromJsonAsync<JsonElement>($"/merchants/{Duka.Id}/ledger");
        var houseLedger = await _h.Api.GetFromJsonAsync<JsonElement>($"/merchants/{house}/ledger");
        Assert.Equal(0, dukaLedger.GetProperty("entries").GetArrayLength());
        Assert.Equal(0, dukaLedger.GetProperty("balance_cents").GetInt64());
        var credit = Assert.Single(houseLedger.GetProperty("entries").EnumerateArray()); // no fee set: no fee entry
        Assert.Equal(("credit", 30_000L), (credit.GetProperty("kind").GetString(), credit.GetProperty("amount_cents").GetInt64()));
        Assert.Contains("Nothing has been collected for you yet: your balance is KES 0.", await new MerchantChatDriver(_h.Factory, Duka.Phone).SayAsync("balance"));
    }

    [Fact]
    public async Task OwnPaybill_TheInvoiceSmsAndPayPageNameTheMerchantsOwnShortcode_TheDeploymentsMerchantsKeepItsOwn_RemoveRevertsIt()
    {
        await SetUpAsync(Duka);
        var duka = await CreateForAsync(Duka, 1500, "254711000444");
        var house = await _h.CreateInvoiceAsync(300, "254711000333");

        Assert.Contains($"Paybill {Duka.ShortCode} Account {duka.PaymentReference}", await InvoiceSmsAsync(duka));
        Assert.Contains($"Paybill 174379 Account {house.PaymentReference}", await InvoiceSmsAsync(house));
        var page = await PayPageAsync(duka);
        Assert.Contains($"<b>{Duka.ShortCode}</b>", page);
        Assert.DoesNotContain("<b>174379</b>", page);

        Assert.Contains("removed", await new MerchantChatDriver(_h.Factory, Duka.Phone).SayAsync("mpesa remove"));
        Assert.Contains("<b>174379</b>", await PayPageAsync(duka));
    }

    private async Task<string> InvoiceSmsAsync(Data.Invoices.Invoice invoice)
    {
        var row = Assert.Single(await _h.OutboxAsync(), e => e.InvoiceId == invoice.Id && e.Purpose == OutboxPurpose.Invoice);
        return JsonDocument.Parse(row.Payload).RootElement.EnumerateObject().Single(p => p.Name.Equals("SmsText", StringComparison.OrdinalIgnoreCase)).Value.GetString()!;
    }

    private async Task<string> PayPageAsync(Data.Invoices.Invoice invoice) => await Browser().GetStringAsync($"/pay/{invoice.PayToken}");

    private void AssertPushedWith(JsonElement push, string? bearer, string shortCode, string passkey, string app)
    {
        var timestamp = push.GetProperty("Timestamp").GetString()!;
        Assert.Equal(shortCode, push.GetProperty("BusinessShortCode").GetRawText());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(shortCode + passkey + timestamp)), push.GetProperty("Password").GetString());
        Assert.Equal(shortCode, push.GetProperty("PartyB").GetString());
        Assert.Equal(app, _h.Daraja.AppOf(bearer)); // the token of that merchant's own app
    }

    private async Task<string> SetUpAsync(Shop shop, bool withInitiator = false)
    {
        var link = LinkIn(await new MerchantChatDriver(_h.Factory, shop.Phone).SayAsync("mpesa setup"));
        var response = await PostSetupAsync(Browser(), link, shop, withInitiator);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TextAsync(response);
    }

    private async Task<Data.Invoices.Invoice> CreateForAsync(Shop shop, long shillings, string msisdn)
    {
        var response = await _h.Api.PostAsJsonAsync($"/invoices?merchant_id={shop.Id}", new { msisdn, amount_cents = shillings * 100, description = "Cement" });
        response.EnsureSuccessStatusCode();
        return (await _h.InvoiceAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!))!;
    }

    private HttpClient Browser() => _h.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient browser, string link, Shop shop, bool withInitiator = false)
    {
        var page = await browser.GetStringAsync(link);
        var token = Regex.Match(page, @"name=""_form"" value=""([^""]+)""").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["_form"] = token, ["kind"] = "paybill", ["shortcode"] = shop.ShortCode, ["consumer_key"] = shop.ConsumerKey,
            ["consumer_secret"] = shop.ConsumerSecret, ["passkey"] = shop.Passkey,
        };
        if (withInitiator)
        {
            var initiator = Testing.Fakes.FakeInitiator.Shared;
            (fields["initiator_name"], fields["initiator_password"], fields["certificate"]) = (initiator.Name, initiator.Password, initiator.CertificatePem);
        }
        return await browser.PostAsync(link, new FormUrlEncodedContent(fields));
    }

    private static string LinkIn(string reply) => new Uri(Regex.Match(reply, @"https://\S+/setup/mpesa/\S+").Value).PathAndQuery;

    /// <summary>Every row of every table, as JSON text: where a secret stored in the clear would show.</summary>
    private async Task<string> EveryRowAsync()
    {
        await using var c = await _h.Factory.Db.OpenAsync(default);
        var tables = await c.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        var all = new StringBuilder();
        foreach (var table in tables)
            foreach (var row in await c.QueryAsync<string>($"SELECT row_to_json(t)::text FROM \"{table}\" t"))
                all.Append(row);
        return all.ToString();
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
