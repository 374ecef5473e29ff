using InvoiceFirst.Bot.PayPage;

namespace InvoiceFirst.Bot.Documents;

/// <summary>What an invoice or receipt PDF shows: the pay page's model plus what only paper needs.</summary>
public sealed record InvoiceDocument
{
    public required InvoiceDocumentKind Kind { get; init; }
    public required PayPageModel Page { get; init; }
    public string? MerchantCode { get; init; }
    public required string PaymentReference { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The customer's name if the merchant gave one, else the masked phone.</summary>
    public required string Customer { get; init; }
    public DocumentText Text => DocumentText.For(Page.Text.Code);

    public string FileName => $"{(Kind == InvoiceDocumentKind.Receipt ? "receipt" : "invoice")}-{Page.InvoiceNumber}.pdf";
}

public enum InvoiceDocumentKind
{
    Invoice,
    Receipt,
}
