using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>What a customer sees in chat and on the pay page: which invoice PAY pays, part payments, their language.</summary>
public sealed class CustomerPayChatTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;
    private WhatsAppSender _whatsApp = null!;

    public async Task InitializeAsync()
    {
        _h = await PaymentHarness.StartAsync();
        _whatsApp = new WhatsAppSender(_h.Factory);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Pay_ThreeUnpaid_AsksWhichAndPaysOnlyThePickedOne()
    {
        var oldest = await _h.CreateInvoiceAsync(500);
        var middle = await _h.CreateInvoiceAsync(900);
        await _h.CreateInvoiceAsync(1500);

        var question = await CustomerSaysAsync("PAY");
        var paymentsWhileAsking = await _h.PaymentsAsync();
        var answer = await CustomerSaysAsync("2");
        var (payment, push) = await _h.WaitForPushAsync(1);

        Assert.Contains("You have 3 unpaid invoices. Which one do you want to pay?", question);
        Assert.Contains($"1. INV-0003 Acme Designs KES 1,500 (Website design)", question);
        Assert.Contains($"2. {middle.Number} Acme Designs KES 900", question);
        Assert.Contains($"3. {oldest.Number} Acme Designs KES 500", question);
        Assert.Empty(paymentsWhileAsking);
        Assert.Contains(middle.Number, answer);
        Assert.Equal(middle.Id, payment.InvoiceId);
        Assert.Equal("900", push.GetProperty("Amount").GetString());
        Assert.Single(await _h.PaymentsAsync());
    }

    [Fact]
    public async Task Pay_AnswerOutOfRange_AsksForANumberInRangeAndStillPaysTheNextAnswer()
    {
        var oldest = await _h.CreateInvoiceAsync(500);
        await _h.CreateInvoiceAsync(900);

        await CustomerSaysAsync("PAY");
        var retry = await CustomerSaysAsync("7");
        await CustomerSaysAsync("2");
        var (payment, _) = await _h.WaitForPushAsync(1);

        Assert.Equal("Please reply with a number from 1 to 2.", retry);
        Assert.Equal(oldest.Id, payment.InvoiceId);
    }

    [Fact]
    public async Task PayPage_InvoiceAboveTheMpesaLimit_SaysThisIsAPart()
    {
        var invoice = await _h.CreateInvoiceAsync(1_000_000);
        using var client = _h.Factory.CreateClient();

        using var pressed = await client.PostAsync($"/pay/{invoice.PayToken}?lang=sw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["nonce"] = "nonce-0123456789abcdef" }));
        var html = WebUtility.HtmlDecode(await pressed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        Assert.Contains("KES 250,000 sasa kati ya KES 1,000,000 (kikomo cha M-PESA kwa malipo moja)", html);
        Assert.Contains("Angalia simu yako", html);
    }

    [Fact]
    public async Task Lipa_SeveralUnpaid_AsksInSwahiliAndTakesTheInvoiceNumber()
    {
        var oldest = await _h.CreateInvoiceAsync(500);
        await _h.CreateInvoiceAsync(900);

        var question = await CustomerSaysAsync("lipa");
        await CustomerSaysAsync(oldest.Number.ToLowerInvariant());
        var (payment, _) = await _h.WaitForPushAsync(1);

        Assert.Contains("Una ankara 2 ambazo hazijalipwa. Unataka kulipa ipi?", question);
        Assert.Equal(oldest.Id, payment.InvoiceId);
    }

    [Fact]
    public async Task Tap_InvoiceAboveTheMpesaLimit_SaysThisIsAPartAndHowToPayTheRest()
    {
        var invoice = await _h.CreateInvoiceAsync(1_000_000);

        await _h.TapAsync(invoice.Id);
        var (payment, push) = await _h.WaitForPushAsync(1);
        var reply = await LastToCustomerAsync();
        await _h.PaySuccessAsync(payment);
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.PartiallyPaid);
        var receipt = await UntilCustomerGetsAsync(m => m.Text.Contains("NLJ7RT61SV"));

        Assert.Contains("KES 250,000 now of KES 1,000,000 (M-PESA's per-payment limit); tap Pay again after this one for the next part", reply.Text);
        Assert.Equal("250000", push.GetProperty("Amount").GetString());
        Assert.Contains("Balance: KES 750,000", receipt.Text);
        Assert.Equal($"pay:{invoice.Id}", Assert.Single(receipt.Buttons).Id);
    }

    [Fact]
    public async Task InvoiceSentInSwahili_PromptReceiptAndPartTextInSwahili()
    {
        await MerchantSaysAsync("lugha sw");
        var invoice = await _h.CreateInvoiceAsync(1_000_000);

        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        var prompt = await LastToCustomerAsync();
        await _h.PaySuccessAsync(payment);
        var receipt = await UntilCustomerGetsAsync(m => m.Text.Contains("NLJ7RT61SV"));

        Assert.Equal("sw", invoice.Language);
        Assert.Contains("KES 250,000 sasa kati ya KES 1,000,000", prompt.Text);
        Assert.StartsWith("Malipo yamepokelewa", receipt.Text);
    }

    [Fact]
    public async Task CustomerWritesSwahili_OnAnEnglishInvoice_IsAnsweredInSwahili()
    {
        var invoice = await _h.CreateInvoiceAsync(500);

        var hint = await CustomerSaysAsync("asante sana");
        await _h.TapAsync(invoice.Id);
        await _h.WaitForPushAsync(1);
        var prompt = await LastToCustomerAsync();

        Assert.Equal("en", invoice.Language);
        Assert.StartsWith("Kulipa, bonyeza", hint);
        Assert.StartsWith("Angalia simu yako", prompt.Text);
    }

    [Fact]
    public async Task PayPage_SwahiliInvoice_IsInSwahiliAndSwitchesToEnglish()
    {
        await MerchantSaysAsync("lugha sw");
        var invoice = await _h.CreateInvoiceAsync(1500);
        using var client = _h.Factory.CreateClient();

        var swahili = await client.GetStringAsync($"/pay/{invoice.PayToken}");
        var english = await client.GetStringAsync($"/pay/{invoice.PayToken}?lang=en");

        Assert.Contains("<html lang=\"sw\">", swahili);
        Assert.Contains("Lipa kwa M-PESA</button>", swahili);
        Assert.Contains("Namba ya akaunti: <b>" + invoice.Number + "</b>", swahili);
        Assert.Contains("<a href=\"?lang=en\"", swahili);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Pay with M-PESA</button>", english);
        Assert.Contains("<a href=\"?lang=sw\"", english);
    }

    [Fact]
    public async Task PayPage_AfterPayment_ShowsPaidWithReceiptAndDateAndNothingStillDue()
    {
        var invoice = await _h.CreateInvoiceAsync(300);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        await _h.PaySuccessAsync(payment);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        using var client = _h.Factory.CreateClient();

        var html = await client.GetStringAsync($"/pay/{invoice.PayToken}");
        var swahili = await client.GetStringAsync($"/pay/{invoice.PayToken}?lang=sw");

        Assert.Contains("Paid. Thank you!", html);
        Assert.Contains("<dd class=\"receipt\">NLJ7RT61SV</dd>", html);
        Assert.Contains($"Paid in full on {paid.PaidAt!.Value.ToOffset(TimeSpan.FromHours(3)):dd/MM/yyyy}", html);
        Assert.DoesNotContain("to pay", html);
        Assert.DoesNotContain("Business number", html);
        Assert.DoesNotContain("<form", html);
        Assert.Contains("Imelipwa. Asante!", swahili);
        Assert.Contains("NLJ7RT61SV", swahili);
    }

    private async Task<string> CustomerSaysAsync(string text)
    {
        await _whatsApp.TextAsync(PaymentHarness.Customer, text, id: "wamid." + Guid.NewGuid().ToString("N"));
        await _whatsApp.DrainAsync();
        return (await LastToCustomerAsync()).Text;
    }

    private async Task MerchantSaysAsync(string text)
    {
        await _whatsApp.TextAsync(BotFactory.MerchantPhone, text, id: "wamid." + Guid.NewGuid().ToString("N"));
        await _whatsApp.DrainAsync();
    }

    private async Task<OutboundMessage> LastToCustomerAsync()
    {
        await _h.InboxDrainedAsync();
        return OutboxRepository.Deserialize((await _h.OutboxAsync()).Last(o => o.Recipient == PaymentHarness.Customer).Payload);
    }

    private Task<OutboundMessage> UntilCustomerGetsAsync(Func<OutboundMessage, bool> condition) =>
        PaymentHarness.UntilAsync(async () => (await _h.OutboxAsync())
            .Where(o => o.Recipient == PaymentHarness.Customer)
            .Select(o => OutboxRepository.Deserialize(o.Payload))
            .LastOrDefault(condition));
}
