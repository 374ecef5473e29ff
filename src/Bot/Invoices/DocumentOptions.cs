namespace InvoiceFirst.Bot.Invoices;

/// <summary>The invoice and receipt PDFs sent on WhatsApp after the invoice and the receipt messages.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Off: WhatsApp customers get the text messages alone (the links to the PDFs are on the pay page either way).</summary>
    public bool WhatsAppPdf { get; set; } = true;
}
