using System.Data.Common;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Domain;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// Sends an invoice the merchant asked for in chat (one-line command, guided flow, or an answer to a
/// question). The same customer, amount and description sent within <see cref="DuplicateWindow"/> is
/// asked about first; a name that differs from the one saved for the phone goes on this invoice and the
/// merchant is asked whether to rename the saved customer. API creates have their idempotency key instead. Past the
/// merchant's daily invoice limit nothing is made and the turn says so (held back).
/// </summary>
public sealed class ChatInvoiceSender(InvoiceCreator creator, IOptions<InvoiceOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    /// <summary>Sent for the actor's business, recorded as theirs; the confirmation goes to them.</summary>
    public async Task<ChatTurn> SendAsync(DbConnection c, DbTransaction t, ChatActor actor, PendingInvoice invoice, Language lang,
        bool checkDuplicate, CancellationToken ct)
    {
        var merchant = actor.Merchant;
        var msisdn = invoice.Msisdn ?? throw new ArgumentException("No customer picked yet", nameof(invoice));
        var now = clock.GetUtcNow();
        // The limit is on what the customer pays, VAT added on top included; the one-line amount was checked before VAT.
        var gross = VatBreakdown.For(merchant.Vat, Money.FromCents(invoice.AmountCents)).Gross;
        if (gross.Shillings > options.Value.MaxAmount)
            return ChatTurn.Say(Replies.ForAmountError(AmountError.TooLarge, options.Value.MaxAmount, lang));
        if (checkDuplicate && await InvoiceRepository.FindRecentSameAsync(c, t, merchant.Id, msisdn, gross.Cents, invoice.Description,
                now - DuplicateWindow, ct) is { } recent)
        {
            return ChatTurn.Say(Replies.DuplicateInvoice(recent.Number, now - recent.CreatedAt, lang),
                new DuplicateQuestion(now, invoice, recent.Number));
        }

        var saved = await CustomerRepository.GetByMsisdnAsync(c, t, merchant.Id, msisdn, ct);
        var creation = await creator.CreateAsync(c, t, merchant, new NewInvoice(msisdn, invoice.CustomerName, invoice.AmountCents,
            invoice.Description, IdempotencyKey: invoice.IdempotencyKey, ReplyChannel: invoice.ReplyChannel, FromChat: true,
            CreatedBy: actor.StaffPhone, Items: invoice.Items), ct);
        if (creation is InvoiceCreation.OverDailyLimit over)
            return ChatTurn.Say(Replies.DailyInvoiceLimitReached(over.Limit, lang)) with { HeldBack = true };

        return invoice.CustomerName is { } typed && saved?.Name is { } current
            && !string.Equals(current, typed, StringComparison.OrdinalIgnoreCase)
            ? ChatTurn.Say(Replies.AskRename(msisdn, current, typed, lang), new RenameQuestion(now, msisdn, typed))
            : ChatTurn.Silent;
    }
}
