using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// The API's view of an invoice (serialized snake_case). <c>amount_cents</c> is what the customer pays (gross); <c>net_cents</c> and
/// <c>vat_cents</c> split it per the VAT mode it was made with. <c>items</c>: its lines, empty for one amount (null in lists).
/// </summary>
public sealed record InvoiceView(
    string Id,
    string Number,
    string Status,
    string? CustomerName,
    string Msisdn,
    long AmountCents,
    long AmountPaidCents,
    string Currency,
    string Description,
    string PayLink,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset ExpiresAt,
    string Vat,
    long NetCents,
    long VatCents,
    IReadOnlyList<InvoiceItemView>? Items)
{
    public static InvoiceView From(Invoice i, string payLink, IReadOnlyList<InvoiceItem>? items = null) => new(
        i.Id, i.Number, i.Status.Value, i.CustomerName, i.Msisdn, i.AmountCents, i.AmountPaidCents, i.Currency,
        i.Description, payLink, i.CreatedAt, i.SentAt, i.PaidAt, i.ExpiresAt, i.Vat.ToString().ToLowerInvariant(),
        i.VatBreakdown.Net.Cents, i.VatCents,
        items?.Select(x => new InvoiceItemView(x.Description, x.Quantity, x.UnitAmountCents, x.AmountCents)).ToList());
}

public sealed record InvoiceItemView(string Description, int Quantity, long UnitAmountCents, long AmountCents);

public sealed record InvoiceList(IReadOnlyList<InvoiceView> Items);

/// <summary>Body of <c>POST /invoices</c>: <c>amount_cents</c> or <c>items</c>, one or the other.</summary>
public sealed record CreateInvoiceRequest(string? Msisdn, string? CustomerName, long? AmountCents, string? Description,
    IReadOnlyList<CreateInvoiceItem>? Items = null);

/// <summary>One line of <c>POST /invoices</c>: <c>quantity</c> (default 1) × <c>unit_amount_cents</c>.</summary>
public sealed record CreateInvoiceItem(string? Description, int? Quantity, long? UnitAmountCents);
