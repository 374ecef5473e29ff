using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.PayPage;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceFirst.Bot.Tests.PayPage;

public sealed class PayPageViewTests
{
    private const string Markup = "<script>alert(1)</script>\"'&";
    private const string Encoded = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;";

    [Fact]
    public async Task Render_EveryStringAPersonTypedWithMarkup_IsEncoded()
    {
        var html = await RenderAsync(Model(PayPageState.Open) with
        {
            Notice = "Notice " + Markup,
            NoticeIsError = true,
            EnteredPhone = "Phone " + Markup,
            Instructions = new PayInstructions(false, "Shortcode " + Markup, "Account " + Markup),
        });

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains($"<title>Pay INV-0001 - Merchant {Encoded}</title>", html);
        Assert.Contains($"<h1>Merchant {Encoded}</h1>", html);
        Assert.Contains($"<p>Description {Encoded}</p>", html);
        Assert.Contains($"<div class=\"notice error\" role=\"status\">Notice {Encoded}</div>", html);
        Assert.Contains($"value=\"Phone {Encoded}\"", html);
        Assert.Contains($"Business number: <b>Shortcode {Encoded}</b>", html);
        Assert.Contains($"Account number: <b>Account {Encoded}</b>", html);
    }

    [Fact]
    public async Task Render_Waiting_PollsWithTheScriptAndTheCardItReads()
    {
        var html = await RenderAsync(Model(PayPageState.Waiting) with { Notice = "Check your phone", PollMilliseconds = 2500 });

        Assert.Contains("<section class=\"card\" id=\"waiting\" data-poll=\"2500\" data-lang=\"en\"", html);
        Assert.Contains("data-next=\"Pay the next part\"><div class=\"notice\" role=\"status\">Check your phone</div>", html);
        Assert.Contains("<script>" + PayPageAssets.PollScript + "</script>", html);
        Assert.DoesNotContain("<form", html);
    }

    [Theory]
    [InlineData(PayPageState.Paid, "<p class=\"state paid\">Paid. Thank you!</p>")]
    [InlineData(PayPageState.Cancelled, "<p class=\"state closed\">This invoice was cancelled. Please ask the seller for a new one.</p>")]
    [InlineData(PayPageState.Expired, "<p class=\"state closed\">This invoice has expired. Please ask the seller for a new one.</p>")]
    public async Task Render_ClosedInvoice_StateWithoutFormScriptOrInstructions(PayPageState state, string card)
    {
        var html = await RenderAsync(Model(state) with { Instructions = new PayInstructions(false, "174379", "INV-0001") });

        Assert.Contains(card, html);
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("Paybill", html);
    }

    [Fact]
    public async Task Render_Paid_ShowsReceiptAndDateAndNothingLeftToPay()
    {
        var paidAt = new DateTimeOffset(2026, 12, 1, 11, 5, 0, TimeSpan.Zero);
        var html = await RenderAsync(Model(PayPageState.Paid) with
        {
            BalanceCents = 0,
            PaidAt = paidAt,
            Receipts = [new PaidReceipt("NLJ7RT61SV", paidAt, 150_000)],
            Instructions = new PayInstructions(false, "174379", "INV-0001"),
        });

        Assert.Contains("<p class=\"state paid\">Paid. Thank you!</p>", html);
        Assert.Contains("Paid in full on 01/12/2026 14:05.", html);
        Assert.Contains("<dd class=\"receipt\">NLJ7RT61SV</dd>", html);
        Assert.DoesNotContain("to pay", html);
        Assert.DoesNotContain("Balance", html);
        Assert.DoesNotContain("Paybill", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public async Task Render_Swahili_PageAndLanguageSwitchInSwahili()
    {
        var html = await RenderAsync(Model(PayPageState.Open) with { Text = PayPageText.Swahili, Instructions = new PayInstructions(false, "174379", "INV-0001") });

        Assert.Contains("<html lang=\"sw\">", html);
        Assert.Contains("Lipa kwa M-PESA</button>", html);
        Assert.Contains("Au lipa kwa Paybill", html);
        Assert.Contains("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a>", html);
        Assert.Contains("<b aria-current=\"true\">Kiswahili</b>", html);
        Assert.DoesNotContain("Pay with M-PESA", html);
    }

    private static PayPageModel Model(PayPageState state) => new()
    {
        State = state,
        MerchantName = "Merchant " + Markup,
        InvoiceNumber = "INV-0001",
        Description = "Description " + Markup,
        AmountCents = 150_000,
        BalanceCents = 150_000,
        MaskedPhone = "2547****678",
        PayLink = "https://bot.example.com/pay/token",
        QrDataUri = "data:image/svg+xml;base64,AAAA",
        Nonce = "nonce-0123456789abcdef",
    };

    private static async Task<string> RenderAsync(PayPageModel model)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await ComponentHtml.RenderAsync<PayPageView>(services, new Dictionary<string, object?> { [nameof(PayPageView.Model)] = model });
    }
}
