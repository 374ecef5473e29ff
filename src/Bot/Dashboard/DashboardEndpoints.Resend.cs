using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>"Send it again by SMS": for a customer WhatsApp did not reach, the invoice's SMS form with its pay link.</summary>
public static partial class DashboardEndpoints
{
    private static async Task<IResult> ResendBySmsAsync(HttpContext http, string number, InvoiceMessages messages, OutboxSignal outbox,
        TimeProvider clock, [AsParameters] InvoicePage page, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, page.Members, ct) is not { } user) return Results.Redirect("/app/login");
        var text = new DashboardText(Language.FromCode(user.Merchant.Language));
        if (!await page.Antiforgery.IsRequestValidAsync(http)) return await InvoicePageAsync(http, user, number, text.FormExpired, page, ct);
        var nonce = (await http.Request.ReadFormAsync(ct))["nonce"].ToString();
        if (nonce.Length is < 16 or > 64) nonce = SecureToken.New();
        if (!InvoiceNumber.TryNormalize(number, out var normalized)) return NotFound(http, page.Antiforgery, user);
        var merchant = user.Merchant;
        var notice = await page.Db.InTransactionAsync<string?>(async (c, t) =>
        {
            if (await InvoiceRepository.GetByNumberAsync(c, t, merchant.Id, normalized, ct) is not { } invoice) return null;
            if (!invoice.Status.IsPayable || invoice.BalanceCents <= 0) return text.NothingToResend(invoice.Number);
            // Nothing paid yet: the invoice itself; part paid: the reminder, which names the balance. One per form (its nonce).
            var message = invoice.AmountPaidCents == 0
                ? await messages.InvoiceToCustomerAsync(c, t, merchant, invoice, items: null, ct)
                : await messages.ReminderAsync(c, t, merchant, invoice, ct);
            await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(invoice.Msisdn, OutboxPurpose.Notice, message,
                $"invoice-sms:{invoice.Id}:{nonce}", clock.GetUtcNow(), merchant.Id, invoice.Id, Channels.Sms), ct);
            return text.ResentBySms(invoice.Number, MobileNumber.ToLocal(invoice.Msisdn));
        }, ct);
        if (notice is null) return NotFound(http, page.Antiforgery, user);
        outbox.Notify();
        return await InvoicePageAsync(http, user, number, notice, page, ct);
    }
}
