using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Privacy;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;
using InvoiceFirst.Payments.Merchants;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>Turns an invoice into what its pay page shows.</summary>
public sealed class PayPageBuilder(
    Db db,
    MerchantRepository merchants,
    ConversationRepository conversations,
    PaymentRepository payments,
    IOptions<AppOptions> app,
    IOptions<MpesaOptions> mpesa,
    IOptions<PayPageOptions> options,
    TimeProvider clock)
{
    /// <param name="requestedLanguage">The page's language switch (<c>?lang=sw</c>); else the customer's, else the invoice's.</param>
    public async Task<PayPageModel> BuildAsync(Invoice invoice, string? requestedLanguage, CancellationToken ct)
    {
        var merchant = await merchants.GetAsync(invoice.MerchantId, ct);
        var link = app.Value.PayLink(invoice.PayToken);
        var state = StateOf(invoice);
        var receipts = state == PayPageState.Paid || invoice.AmountPaidCents > 0
            ? (await payments.ListForInvoiceAsync(invoice.Id, ct))
                .Where(p => p.Status == PaymentStatus.Success)
                .Select(p => new PaidReceipt(p.MpesaReceipt, p.SettledAt ?? p.UpdatedAt, p.AmountCents))
                .ToList()
            : [];
        var (items, instructions) = await db.InTransactionAsync(async (c, t) => (
            await InvoiceItemRepository.ListAsync(c, t, invoice.MerchantId, invoice.Id, ct),
            await PayInstructions.ForAsync(c, t, mpesa.Value, invoice.MerchantId, invoice.PaymentReference, ct)), ct);
        return new PayPageModel
        {
            Items = items,
            Vat = invoice.VatBreakdown,
            State = state,
            Text = PayPageText.For(await LanguageAsync(invoice, merchant, requestedLanguage, ct)),
            Receipts = receipts,
            PaidAt = invoice.PaidAt,
            MerchantName = merchant?.Name ?? "",
            InvoiceNumber = invoice.Number,
            Description = invoice.Description,
            AmountCents = invoice.AmountCents,
            BalanceCents = Math.Max(0, invoice.BalanceCents),
            MaskedPhone = Mask.Phone(invoice.Msisdn),
            PayLink = link,
            QrDataUri = PayQrCode.DataUri(link),
            Instructions = instructions,
            Nonce = SecureToken.New(),
            PollMilliseconds = options.Value.PollMilliseconds,
        };
    }

    private async Task<Language> LanguageAsync(Invoice invoice, Merchant? merchant, string? requested, CancellationToken ct)
    {
        if (Language.TryParse(requested, out var picked)) return picked;
        var spoken = (await conversations.GetAsync(invoice.Msisdn, ct))?.Language;
        return Language.FromCode(spoken ?? invoice.Language ?? merchant?.Language);
    }

    // The same order of checks as PaymentInitiator, so the page never offers a button the initiator refuses.
    private PayPageState StateOf(Invoice invoice)
    {
        if (invoice.Status == InvoiceStatus.Paid || invoice.BalanceCents <= 0) return PayPageState.Paid;
        if (invoice.Status == InvoiceStatus.Cancelled) return PayPageState.Cancelled;
        if (invoice.Status == InvoiceStatus.Expired || invoice.ExpiresAt <= clock.GetUtcNow()) return PayPageState.Expired;
        return PayPageState.Open;
    }
}
