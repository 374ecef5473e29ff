using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Dashboard;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>One invoice's page: its facts, items, history and the actions on it (remind, cancel, resend by SMS).</summary>
public static partial class DashboardEndpoints
{
    /// <summary>What the invoice page and its actions need, so each handler names one parameter.</summary>
    public sealed record InvoicePage(LoginCodes Members, PaymentRepository Payments, InvoiceMessageHistory History, Db Db,
        IAntiforgery Antiforgery, IOptions<AppOptions> App);

    private static async Task<IResult> InvoiceAsync(HttpContext http, string number, string? sent, [AsParameters] InvoicePage page, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, page.Members, ct) is not { } user) return Results.Redirect("/app/login");
        var notice = sent == "1" && InvoiceNumber.TryNormalize(number, out var n) ? new DashboardText(Language.FromCode(user.Merchant.Language)).InvoiceSent(n) : null;
        return await InvoicePageAsync(http, user, number, notice, page, ct);
    }

    /// <summary>Remind or cancel from the invoice page: the same rules and words as the chat commands.</summary>
    private static async Task<IResult> ActAsync(HttpContext http, string number, string action, InvoiceCommands commands, InvoicePage page,
        CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, page.Members, ct) is not { } user) return Results.Redirect("/app/login");
        var lang = Language.FromCode(user.Merchant.Language);
        if (!await page.Antiforgery.IsRequestValidAsync(http))
            return await InvoicePageAsync(http, user, number, new DashboardText(lang).FormExpired, page, ct);
        var nonce = (await http.Request.ReadFormAsync(ct))["nonce"].ToString();
        if (nonce.Length is < 16 or > 64) nonce = SecureToken.New();
        var normalized = InvoiceNumber.TryNormalize(number, out var n) ? n : number;
        var reply = await page.Db.InTransactionAsync(async (c, t) => action == "remind"
            ? await commands.RemindAsync(c, t, user.Merchant, $"web:{nonce}", normalized, lang, ct)
            : await commands.CancelAsync(c, t, user.Actor, normalized, lang, ct), ct);
        return await InvoicePageAsync(http, user, number, reply.Text, page, ct);
    }

    private static async Task<IResult> InvoicePageAsync(HttpContext http, AppUser user, string number, string? notice, InvoicePage page,
        CancellationToken ct)
    {
        Invoice? invoice = null;
        IReadOnlyList<InvoiceItem> items = [];
        string? createdBy = null;
        if (InvoiceNumber.TryNormalize(number, out var normalized))
            await using (var c = await page.Db.OpenAsync(ct))
            {
                invoice = await InvoiceRepository.GetByNumberAsync(c, null, user.Merchant.Id, normalized, ct);
                if (invoice is not null) items = await InvoiceItemRepository.ListAsync(c, null, user.Merchant.Id, invoice.Id, ct);
                if (invoice?.CreatedBy is { } staff)
                    createdBy = (await StaffRepository.GetAsync(c, null, user.Merchant.Id, staff, ct))?.Name ?? MobileNumber.ToLocal(staff);
            }
        // Another merchant's invoice is looked up under this merchant only, so it answers exactly like a missing one.
        if (invoice is null) return NotFound(http, page.Antiforgery, user);
        return SignedIn<InvoiceView>(http, page.Antiforgery, user, StatusCodes.Status200OK, new()
        {
            [nameof(InvoiceView.Invoice)] = invoice,
            [nameof(InvoiceView.Payments)] = await page.Payments.ListForInvoiceAsync(invoice.Id, ct),
            [nameof(InvoiceView.Items)] = items,
            [nameof(InvoiceView.CreatedBy)] = createdBy,
            [nameof(InvoiceView.Messages)] = await page.History.ListAsync(user.Merchant.Id, invoice.Id, invoice.Msisdn, ct),
            [nameof(InvoiceView.PayLink)] = invoice.Status.IsPayable && invoice.BalanceCents > 0 ? page.App.Value.PayLink(invoice.PayToken) : null,
            [nameof(InvoiceView.Notice)] = notice,
            [nameof(InvoiceView.Nonce)] = SecureToken.New(),
        });
    }
}
