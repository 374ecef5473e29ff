namespace InvoiceFirst.Bot.Documents;

/// <summary>The PDF's own labels in English and Swahili; sentences shared with the pay page come from its PayPageText.</summary>
public sealed record DocumentText
{
    public static readonly DocumentText English = new()
    {
        InvoiceTitle = "INVOICE",
        ReceiptTitle = "RECEIPT",
        MerchantCode = "Merchant code",
        Number = "Invoice number",
        Reference = "Payment reference",
        Date = "Date",
        Due = "Due",
        Customer = "Billed to",
        Item = "Item",
        Quantity = "Qty",
        UnitPrice = "Unit price",
        Total = "Total",
        HowToPay = "How to pay",
        PayOnline = "Open the pay link and press the button:",
        Payments = "Payments received",
        PaidAt = "Date paid",
        MoreItems = "+ {0} more",
    };

    public static readonly DocumentText Swahili = new()
    {
        InvoiceTitle = "ANKARA",
        ReceiptTitle = "RISITI",
        MerchantCode = "Namba ya muuzaji",
        Number = "Namba ya ankara",
        Reference = "Kumbukumbu ya malipo",
        Date = "Tarehe",
        Due = "Mwisho",
        Customer = "Kwa",
        Item = "Bidhaa",
        Quantity = "Idadi",
        UnitPrice = "Bei",
        Total = "Jumla",
        HowToPay = "Jinsi ya kulipa",
        PayOnline = "Fungua kiungo cha malipo na ubonyeze kitufe:",
        Payments = "Malipo yaliyopokelewa",
        PaidAt = "Tarehe ya malipo",
        MoreItems = "+ bidhaa {0} zaidi",
    };

    public static DocumentText For(string languageCode) => languageCode == "sw" ? Swahili : English;

    public required string InvoiceTitle { get; init; }
    public required string ReceiptTitle { get; init; }
    public required string MerchantCode { get; init; }
    public required string Number { get; init; }
    public required string Reference { get; init; }
    public required string Date { get; init; }
    public required string Due { get; init; }
    public required string Customer { get; init; }
    public required string Item { get; init; }
    public required string Quantity { get; init; }
    public required string UnitPrice { get; init; }
    public required string Total { get; init; }
    public required string HowToPay { get; init; }
    public required string PayOnline { get; init; }
    public required string Payments { get; init; }
    public required string PaidAt { get; init; }

    /// <summary>The line that sums the items past what fits on the page; <c>{0}</c> is how many.</summary>
    public required string MoreItems { get; init; }
}
