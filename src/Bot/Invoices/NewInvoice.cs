using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// A validated request to invoice someone, from chat or the API. <paramref name="CreatedBy"/>: the staff member's phone, null
/// for the owner or the API. <paramref name="AmountCents"/> is what the merchant charges, before the merchant's VAT mode is
/// applied; with <paramref name="Items"/> it is their sum.
/// </summary>
public sealed record NewInvoice(
    string Msisdn,
    string? CustomerName,
    long AmountCents,
    string Description,
    string? IdempotencyKey = null,
    string? RequestHash = null,
    string? ReplyChannel = null,
    bool FromChat = false,
    string? CreatedBy = null,
    IReadOnlyList<InvoiceItem>? Items = null);
