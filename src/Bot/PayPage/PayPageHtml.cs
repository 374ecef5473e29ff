using InvoiceFirst.Data.Domain;
using System.Text;
using System.Text.Encodings.Web;
using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>Renders the pay page. Every string that came from a person goes through <see cref="E"/>.</summary>
public static class PayPageHtml
{
    public static string Render(PayPageModel m)
    {
        var body = new StringBuilder();
        body.Append($"""
            <section class="card"><h1>{E(m.MerchantName)}</h1><div class="muted">Invoice {E(m.InvoiceNumber)}</div>
            <p>{E(m.Description)}</p><div class="amount">{Kes(m.BalanceCents)}</div><div class="muted">to pay</div>
            <dl><dt>Invoice amount</dt><dd>{Kes(m.AmountCents)}</dd><dt>Balance</dt><dd>{Kes(m.BalanceCents)}</dd></dl></section>
            """);
        body.Append(m.State switch
        {
            PayPageState.Open => Form(m),
            PayPageState.Waiting => Waiting(m),
            PayPageState.Paid => Final(m, "paid", "Paid. Thank you!"),
            PayPageState.Cancelled => Final(m, "closed", "This invoice was cancelled. Please ask the seller for a new one."),
            _ => Final(m, "closed", "This invoice has expired. Please ask the seller for a new one."),
        });
        if (m.State is PayPageState.Open or PayPageState.Waiting && m.Instructions is { } how) body.Append(Manual(how, m.BalanceCents));
        body.Append($"""
            <section class="card qr"><img src="{m.QrDataUri}" alt="QR code of this page's link"><div class="muted">Scan to open this page on another phone</div></section>
            """);
        return Layout($"Pay {m.InvoiceNumber} - {m.MerchantName}", body.ToString(), m.State == PayPageState.Waiting);
    }

    public static string NotFound() => Layout("Invoice not found", """
        <section class="card"><p class="state closed">Invoice not found</p>
        <p>This pay link is not valid. Please check the link, or ask the seller to send the invoice again.</p></section>
        """, false);

    public static string TooManyRequests(int retryAfterSeconds) => Layout("Please wait", $"""
        <section class="card"><p class="state closed">Too many tries</p>
        <p>Please wait {retryAfterSeconds} seconds, then try again.</p></section>
        """, false);

    private static string Form(PayPageModel m) => $"""
        <section class="card">{Notice(m)}<form method="post">
        <label for="msisdn">M-PESA number</label>
        <input id="msisdn" name="msisdn" type="tel" inputmode="tel" autocomplete="tel" value="{E(m.EnteredPhone ?? "")}" placeholder="{E(m.MaskedPhone)}">
        <div class="muted">Leave empty to pay from {E(m.MaskedPhone)}.</div>
        <input type="hidden" name="nonce" value="{E(m.Nonce)}">
        <button type="submit">Pay with M-PESA</button></form></section>
        """;

    private static string Waiting(PayPageModel m) => $"""
        <section class="card" id="waiting" data-poll="{m.PollMilliseconds}">{Notice(m)}
        <p class="state">Check your phone</p><p class="muted">Enter your M-PESA PIN on the prompt. This page updates by itself.</p></section>
        """;

    private static string Final(PayPageModel m, string css, string text) => $"""
        <section class="card">{Notice(m)}<p class="state {css}">{E(text)}</p></section>
        """;

    private static string Manual(PayInstructions how, long balanceCents) => how.IsTill
        ? $"""
          <section class="card"><h1>Or pay by Till</h1><ol><li>M-PESA, Lipa na M-PESA, Buy Goods and Services</li>
          <li>Till number: <b>{E(how.BusinessNumber)}</b></li><li>Amount: <b>{Kes(balanceCents)}</b></li></ol>
          <div class="muted">Then send the M-PESA message to the seller with invoice {E(how.Account)}.</div></section>
          """
        : $"""
          <section class="card"><h1>Or pay by Paybill</h1><ol><li>M-PESA, Lipa na M-PESA, Pay Bill</li>
          <li>Business number: <b>{E(how.BusinessNumber)}</b></li><li>Account number: <b>{E(how.Account)}</b></li>
          <li>Amount: <b>{Kes(balanceCents)}</b></li></ol></section>
          """;

    private static string Notice(PayPageModel m) =>
        m.Notice is null ? "" : $"""<div class="notice{(m.NoticeIsError ? " error" : "")}" role="status">{E(m.Notice)}</div>""";

    private static string Layout(string title, string body, bool poll) => $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
        <title>{E(title)}</title><style>{PayPageAssets.Css}</style></head>
        <body><main>{body}</main>{(poll ? "<script>" + PayPageAssets.PollScript + "</script>" : "")}</body></html>
        """;

    // Whole shillings: M-PESA moves no cents.
    private static string Kes(long cents) => E(Money.FromCents(cents).ToKes());

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
