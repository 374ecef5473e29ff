using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Bot.Documents;
using InvoiceFirst.Bot.PayPage;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using UglyToad.PdfPig;

namespace InvoiceFirst.Bot.Tests.Documents;

public sealed class InvoicePdfRendererTests
{
    private const int MaxBytes = 60 * 1024;

    [Fact]
    public void Render_Invoice_OnePageWithNumberReferenceItemsVatTotalAndHowToPay()
    {
        var bytes = InvoicePdfRenderer.Render(Document(InvoiceDocumentKind.Invoice, Items(3), VatMode.Inclusive));
        Sample("invoice", bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = Text(pdf);
        Assert.Contains("INVOICE", text);
        Assert.Contains("Mama Mboga Ltd", text);
        Assert.Contains("MM7", text);
        Assert.Contains("INV-0042", text);
        Assert.Contains("MM7-42", text);
        Assert.Contains("Sukuma wiki bunch 2", text);
        Assert.Contains("Total KES 614", text); // 101 + 2 × 102 + 3 × 103
        Assert.Contains("VAT 16% (included) KES 85", text);
        Assert.Contains("Net KES 529", text);
        Assert.Contains("Business number: 174379", text);
        Assert.Contains("Account number: MM7-42", text);
        Assert.Contains("https://pay.example/pay/tok", text);
        var link = Assert.Single(pdf.GetPage(1).GetHyperlinks());
        Assert.Equal("https://pay.example/pay/tok", link.Uri);
        Assert.InRange(bytes.Length, 1, MaxBytes);
    }

    [Fact]
    public void Render_TwentyFiveItems_StillOnePageUnderSixtyKilobytesWithTheLastItem()
    {
        var bytes = InvoicePdfRenderer.Render(Document(InvoiceDocumentKind.Invoice, Items(25), VatMode.Exclusive));

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Sukuma wiki bunch 25", Text(pdf));
        Assert.InRange(bytes.Length, 1, MaxBytes);
    }

    [Fact]
    public void Render_ManyMoreItemsThanFit_SumsTheRestInOneLineOnOnePage()
    {
        var bytes = InvoicePdfRenderer.Render(Document(InvoiceDocumentKind.Invoice, Items(60), VatMode.None));

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = Text(pdf);
        Assert.Contains($"+ {60 - InvoicePdfRenderer.MaxItemRows + 1} more", text);
        Assert.DoesNotContain("Sukuma wiki bunch 60", text);
    }

    [Fact]
    public void Render_ManyMoreItemsInSwahili_TheSumLineIsInSwahili()
    {
        var document = Document(InvoiceDocumentKind.Invoice, Items(60), VatMode.None);
        var bytes = InvoicePdfRenderer.Render(document with { Page = document.Page with { Text = PayPageText.Swahili } });

        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains($"+ bidhaa {60 - InvoicePdfRenderer.MaxItemRows + 1} zaidi", Text(pdf));
    }

    [Fact]
    public void Render_Receipt_MpesaReceiptDateAmountAndBalanceWithoutPayInstructions()
    {
        var doc = Document(InvoiceDocumentKind.Receipt, Items(2), VatMode.None) with { };
        doc = doc with
        {
            Page = doc.Page with
            {
                BalanceCents = 0,
                State = PayPageState.Paid,
                PaidAt = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
                Receipts = [new PaidReceipt("SLK4H7Q2XB", new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), 305_00)],
            },
        };

        var bytes = InvoicePdfRenderer.Render(doc);
        Sample("receipt", bytes);

        using var pdf = PdfDocument.Open(bytes);
        var text = Text(pdf);
        Assert.Contains("RECEIPT", text);
        Assert.Contains("SLK4H7Q2XB", text);
        Assert.Contains("01/12/2026 12:30", text);
        Assert.Contains("Balance", text);
        Assert.Contains("KES 0", text);
        Assert.DoesNotContain("Business number", text);
        Assert.Empty(pdf.GetPage(1).GetHyperlinks());
        Assert.InRange(bytes.Length, 1, MaxBytes);
    }

    [Fact]
    public void Render_Swahili_LabelsInSwahili()
    {
        var doc = Document(InvoiceDocumentKind.Invoice, Items(1), VatMode.None);
        var bytes = InvoicePdfRenderer.Render(doc with { Page = doc.Page with { Text = PayPageText.Swahili } });

        using var pdf = PdfDocument.Open(bytes);
        var text = Text(pdf);
        Assert.Contains("ANKARA", text);
        Assert.Contains("Jinsi ya kulipa", text);
    }

    [Fact]
    public void Render_LongDescription_IsCutToItsColumn()
    {
        var longName = new string('x', 300);
        var doc = Document(InvoiceDocumentKind.Invoice, [InvoiceItem.Of(1, longName, 1, Money.FromShillings(10))], VatMode.None);

        using var pdf = PdfDocument.Open(InvoicePdfRenderer.Render(doc));

        Assert.DoesNotContain(longName, Text(pdf));
        Assert.Contains("xxxx…", Text(pdf));
    }

    private static string Text(PdfDocument pdf) => string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

    // INVOICEFIRST_PDF_SAMPLES=dir writes the PDFs the docs show (docs/images/invoice-pdf.png comes from them with pdftoppm).
    private static void Sample(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("INVOICEFIRST_PDF_SAMPLES") is { Length: > 0 } dir) File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), bytes);
    }

    private static IReadOnlyList<InvoiceItem> Items(int count) =>
        Enumerable.Range(1, count).Select(i => InvoiceItem.Of(i, $"Sukuma wiki bunch {i}", i, Money.FromShillings(100 + i))).ToList();

    internal static InvoiceDocument Document(InvoiceDocumentKind kind, IReadOnlyList<InvoiceItem> items, VatMode vat)
    {
        var charged = Money.FromCents(items.Sum(i => i.AmountCents));
        var breakdown = VatBreakdown.For(vat, charged);
        return new InvoiceDocument
        {
            Kind = kind,
            MerchantCode = "MM7",
            PaymentReference = "MM7-42",
            IssuedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
            DueAt = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero),
            Customer = "Wanjiku",
            Page = new PayPageModel
            {
                State = PayPageState.Open,
                MerchantName = "Mama Mboga Ltd",
                InvoiceNumber = "INV-0042",
                Description = "Groceries",
                AmountCents = breakdown.Gross.Cents,
                BalanceCents = breakdown.Gross.Cents,
                MaskedPhone = "2547****678",
                PayLink = "https://pay.example/pay/tok",
                QrDataUri = "",
                Instructions = new PayInstructions(false, "174379", "MM7-42"),
                Nonce = "n",
                Items = items,
                Vat = breakdown,
            },
        };
    }
}
