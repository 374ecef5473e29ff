using System.Globalization;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.PayPage;

public static class PayPageEndpoints
{
    /// <summary>The rate limiter middleware and the pay page routes, which are the only ones it limits.</summary>
    public static WebApplication UsePayPage(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGet("/pay/{token}", ShowAsync).ExcludeFromDescription();
        app.MapGet("/pay/{token}/status", StatusAsync).ExcludeFromDescription();
        app.MapPost("/pay/{token}", PayAsync).WithName(PayPageRateLimits.PayPressEndpoint).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowAsync(string token, string? lang, InvoiceRepository invoices, PayPageBuilder pages, CancellationToken ct)
    {
        var invoice = await FindAsync(token, invoices, ct);
        return invoice is null ? PayPageResponses.NotFound() : PayPageResponses.Page(await pages.BuildAsync(invoice, lang, ct));
    }

    private static async Task<IResult> StatusAsync(string token, string? lang, InvoiceRepository invoices, PaymentRepository payments,
        CancellationToken ct)
    {
        var text = PayPageText.For(Language.TryParse(lang, out var picked) ? picked : Language.English);
        var invoice = await FindAsync(token, invoices, ct);
        if (invoice is null) return Results.NotFound();
        var latest = (await payments.ListForInvoiceAsync(invoice.Id, ct)).LastOrDefault(p => p.Method == PaymentMethod.Stk);
        var balance = Math.Max(0, invoice.BalanceCents);
        var paid = invoice.Status == InvoiceStatus.Paid || balance == 0;
        var message = latest is null || latest.Status == PaymentStatus.Initiated ? null
            : latest.Status == PaymentStatus.Success ? string.Format(CultureInfo.InvariantCulture, text.PaymentReceived, Money.FromCents(balance).ToKes())
            : latest.Status == PaymentStatus.NeedsReview ? text.BeingChecked
            : text.DidNotGoThrough;
        return Results.Json(new PayStatusView(invoice.Status.Value, balance, paid, latest?.Status.Value, message),
            statusCode: StatusCodes.Status200OK);
    }

    private static async Task<IResult> PayAsync(string token, string? lang, HttpRequest http, InvoiceRepository invoices, PayPageBuilder pages,
        Db db, PaymentInitiator initiator, StkPusher pusher, CancellationToken ct)
    {
        var invoice = await FindAsync(token, invoices, ct);
        if (invoice is null) return PayPageResponses.NotFound();
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : FormCollection.Empty;
        var entered = form["msisdn"].ToString().Trim();
        var page = await pages.BuildAsync(invoice, lang, ct);
        if (page.State != PayPageState.Open) return Refused(page, invoice.Number);

        var payer = invoice.Msisdn;
        if (entered.Length > 0 && !MobileNumber.TryParseKenyan(entered, out payer))
        {
            return Page(page with
            {
                Notice = page.Text.NotKenyan,
                NoticeIsError = true,
                EnteredPhone = entered.Length > 20 ? entered[..20] : entered,
            }, StatusCodes.Status400BadRequest);
        }

        // The form's nonce makes a double submit one payment; a fresh page is a fresh attempt.
        var nonce = form["nonce"].ToString();
        if (nonce.Length is < 16 or > 64) nonce = SecureToken.New();
        var key = $"page:{invoice.Id}:{nonce}";
        var started = await db.InTransactionAsync((c, t) => initiator.StartAsync(c, t, invoice, payer, key, null, ct), ct);
        var language = page.Text.Language;
        switch (started.Kind)
        {
            case InitiationKind.Started:
                await pusher.TryPushAsync(started.Payment!.Id, ct);
                return Waiting(page, CheckYourPhone(invoice, started.Payment, language));
            case InitiationKind.Existing:
                return Waiting(page, CheckYourPhone(invoice, started.Payment!, language));
            case InitiationKind.AlreadyLive:
                return Waiting(page, Replies.PromptAlreadyOpen(invoice.Number, language).Text);
            case InitiationKind.Paid:
                return Refused(page with { State = PayPageState.Paid }, invoice.Number);
            default:
                return Refused(page with { State = invoice.Status == InvoiceStatus.Cancelled ? PayPageState.Cancelled : PayPageState.Expired },
                    invoice.Number);
        }
    }

    // A prompt for less than the balance says so: M-PESA takes at most its per-payment limit at once.
    private static string CheckYourPhone(Invoice invoice, Payment payment, Language lang) =>
        (payment.Amount < invoice.Balance
            ? Replies.CheckYourPhoneForPart(invoice.Number, payment.Amount, invoice.Balance, lang)
            : Replies.CheckYourPhone(invoice.Number, payment.Amount, lang)).Text;

    private static IResult Waiting(PayPageModel page, string notice) =>
        Page(page with { State = PayPageState.Waiting, Notice = notice }, StatusCodes.Status202Accepted);

    private static IResult Refused(PayPageModel page, string number)
    {
        var notice = page.State == PayPageState.Paid
            ? Replies.InvoiceAlreadyPaid(number, page.Text.Language).Text
            : Replies.InvoiceNotPayable(number, page.Text.Language).Text;
        return Page(page with { Notice = notice }, StatusCodes.Status409Conflict);
    }

    private static IResult Page(PayPageModel page, int status) => PayPageResponses.Page(page, status);

    // Tokens are 32 characters; anything far off is not worth a query.
    internal static Task<Invoice?> FindAsync(string token, InvoiceRepository invoices, CancellationToken ct) =>
        token.Length is > 0 and <= 64 ? invoices.GetByPayTokenAsync(token, ct) : Task.FromResult<Invoice?>(null);
}
