using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>Everything the pay page renders; strings are raw here and encoded when <see cref="PayPageView"/> renders them.</summary>
public sealed record PayPageModel
{
    public required PayPageState State { get; init; }
    public required string MerchantName { get; init; }
    public required string InvoiceNumber { get; init; }
    public required string Description { get; init; }
    public long AmountCents { get; init; }
    public long BalanceCents { get; init; }
    public required string MaskedPhone { get; init; }
    public required string PayLink { get; init; }
    /// <summary>Built by <see cref="PayQrCode"/>: the image itself, inline.</summary>
    public required string QrDataUri { get; init; }
    public PayInstructions? Instructions { get; init; }

    /// <summary>A sentence above the form: the outcome of the last press, or why it was refused.</summary>
    public string? Notice { get; init; }
    public bool NoticeIsError { get; init; }

    /// <summary>The phone number as typed, echoed back when it was refused.</summary>
    public string? EnteredPhone { get; init; }

    /// <summary>Per rendering: a double submit of the same form is one payment, a later press a new one.</summary>
    public required string Nonce { get; init; }
    public int PollMilliseconds { get; init; }

    /// <summary>The sentences in the page's language (the invoice's, the customer's, or the one picked with <c>?lang=</c>).</summary>
    public PayPageText Text { get; init; } = PayPageText.English;

    /// <summary>Payments that counted, oldest first: the paid page shows their receipts.</summary>
    public IReadOnlyList<PaidReceipt> Receipts { get; init; } = [];

    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The invoice's lines; none for one amount (the description says what it is for).</summary>
    public IReadOnlyList<InvoiceItem> Items { get; init; } = [];

    /// <summary>Net and VAT, shown when the invoice was made with VAT.</summary>
    public VatBreakdown Vat { get; init; }
}
