using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>The API's view of an invoice (serialized snake_case).</summary>
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
    DateTimeOffset ExpiresAt)
{
    public static InvoiceView From(Invoice i, string payLink) => new(
        i.Id, i.Number, i.Status, i.CustomerName, i.Msisdn, i.AmountCents, i.AmountPaidCents, i.Currency,
        i.Description, payLink, i.CreatedAt, i.SentAt, i.PaidAt, i.ExpiresAt);
}

public sealed record InvoiceList(IReadOnlyList<InvoiceView> Items);

/// <summary>Body of <c>POST /invoices</c>.</summary>
public sealed record CreateInvoiceRequest(string? Msisdn, string? CustomerName, long? AmountCents, string? Description);
