using InvoiceFirst.Bot.PayPage;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Documents;

/// <summary>An invoice as its PDF shows it: what its pay page shows, plus the merchant code, dates and customer.</summary>
public sealed class InvoiceDocumentBuilder(PayPageBuilder pages, MerchantRepository merchants)
{
    public async Task<InvoiceDocument> BuildAsync(Invoice invoice, InvoiceDocumentKind kind, CancellationToken ct)
    {
        var page = await pages.BuildAsync(invoice, requestedLanguage: null, ct);
        var merchant = await merchants.GetAsync(invoice.MerchantId, ct);
        return new InvoiceDocument
        {
            Kind = kind,
            Page = page,
            MerchantCode = merchant?.Code,
            PaymentReference = invoice.PaymentReference,
            IssuedAt = invoice.SentAt ?? invoice.CreatedAt,
            DueAt = invoice.ExpiresAt,
            Customer = string.IsNullOrWhiteSpace(invoice.CustomerName) ? page.MaskedPhone : invoice.CustomerName,
        };
    }

    /// <summary>A receipt exists once anything was paid.</summary>
    public static bool HasReceipt(Invoice invoice) => invoice.AmountPaidCents > 0;
}
