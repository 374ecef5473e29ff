using System.Globalization;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Time;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace InvoiceFirst.Bot.Documents;

/// <summary>
/// One A4 page per invoice or receipt, drawn with PDFsharp: header, items, totals, how to pay (link, Paybill/Till, QR),
/// and on the receipt the M-PESA payments. Text stays text (a reader can copy and search it); the font is a subset.
/// </summary>
public static class InvoicePdfRenderer
{
    /// <summary>Items drawn before the rest are summed up in one line, so the page never overflows.</summary>
    public const int MaxItemRows = 30;

    private const double Margin = 40;
    private const double Row = 15;
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Automatic, PdfFontEmbedding.TryComputeSubset);
    private static readonly XColor Accent = XColor.FromArgb(0x0B, 0x6E, 0x4F);

    public static byte[] Render(InvoiceDocument doc)
    {
        DocumentFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestCompression;
        pdf.Options.NoCompression = false;
        pdf.Info.Title = $"{Title(doc)} {doc.Page.InvoiceNumber}";
        pdf.Info.Author = doc.Page.MerchantName;
        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var canvas = new PdfCanvas(gfx, page);
            var y = Header(canvas, doc);
            y = Items(canvas, doc, y + 16);
            y = Totals(canvas, doc, y + 6);
            if (doc.Kind == InvoiceDocumentKind.Receipt) Payments(canvas, doc, y + 18);
            else if (doc.Page.BalanceCents > 0) HowToPay(canvas, doc, y + 18);
        }

        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    private static string Title(InvoiceDocument doc) =>
        doc.Kind == InvoiceDocumentKind.Receipt ? doc.Text.ReceiptTitle : doc.Text.InvoiceTitle;

    private static double Header(PdfCanvas c, InvoiceDocument doc)
    {
        var t = doc.Text;
        c.Text(doc.Page.MerchantName, Margin, Margin, 18, bold: true, width: 300);
        if (doc.MerchantCode is { Length: > 0 } code) c.Text($"{t.MerchantCode}: {code}", Margin, Margin + 24, 9);
        c.Text(Title(doc), Margin, Margin, 20, bold: true, align: XStringAlignment.Far, color: Accent);

        var y = Margin + 56;
        string[][] facts =
        [
            [t.Number, doc.Page.InvoiceNumber],
            [t.Reference, doc.PaymentReference],
            [t.Date, Day(doc.IssuedAt)],
            [doc.Kind == InvoiceDocumentKind.Receipt && doc.Page.PaidAt is { } paid ? doc.Page.Text.PaidSoFar : t.Due,
                Day(doc.Kind == InvoiceDocumentKind.Receipt && doc.Page.PaidAt is { } at ? at : doc.DueAt)],
        ];
        foreach (var fact in facts)
        {
            c.Text(fact[0], 330, y, 9, color: XColors.DimGray);
            c.Text(fact[1], 440, y, 9, bold: true, width: c.Right - 440);
            y += 14;
        }

        c.Text(t.Customer, Margin, Margin + 56, 9, color: XColors.DimGray);
        c.Text(doc.Customer, Margin, Margin + 70, 11, bold: true, width: 270);
        return y;
    }

    private static double Items(PdfCanvas c, InvoiceDocument doc, double y)
    {
        var t = doc.Text;
        c.Fill(Margin, y, c.Right - Margin, Row + 2, XColor.FromArgb(0xEE, 0xF4, 0xF1));
        c.Text(t.Item, Margin + 4, y + 3, 9, bold: true);
        c.Text(t.Quantity, 360, y + 3, 9, bold: true, width: 40, align: XStringAlignment.Far);
        c.Text(t.UnitPrice, 405, y + 3, 9, bold: true, width: 70, align: XStringAlignment.Far);
        c.Text(doc.Page.Text.Amount, 480, y + 3, 9, bold: true, width: c.Right - 484, align: XStringAlignment.Far);
        y += Row + 6;

        var items = doc.Page.Items;
        if (items.Count == 0)
        {
            c.Text(doc.Page.Description, Margin + 4, y, 9, width: 310);
            c.Text(Kes(doc.Page.Vat.Mode == VatMode.Exclusive ? doc.Page.Vat.Net : Money.FromCents(doc.Page.AmountCents)), 480, y, 9,
                width: c.Right - 484, align: XStringAlignment.Far);
            return y + Row;
        }

        var shown = items.Count > MaxItemRows ? items.Take(MaxItemRows - 1).ToList() : items.ToList();
        foreach (var item in shown)
        {
            c.Text(item.Description, Margin + 4, y, 9, width: 310);
            c.Text(item.Quantity.ToString(CultureInfo.InvariantCulture), 360, y, 9, width: 40, align: XStringAlignment.Far);
            c.Text(Kes(item.UnitAmount), 405, y, 9, width: 70, align: XStringAlignment.Far);
            c.Text(Kes(item.Amount), 480, y, 9, width: c.Right - 484, align: XStringAlignment.Far);
            y += Row;
        }

        if (shown.Count < items.Count)
        {
            var rest = items.Skip(shown.Count).ToList();
            c.Text(string.Format(CultureInfo.InvariantCulture, t.MoreItems, rest.Count), Margin + 4, y, 9, color: XColors.DimGray);
            c.Text(Kes(Money.FromCents(rest.Sum(i => i.AmountCents))), 480, y, 9, width: c.Right - 484, align: XStringAlignment.Far);
            y += Row;
        }

        return y;
    }

    private static double Totals(PdfCanvas c, InvoiceDocument doc, double y)
    {
        c.Line(330, y, c.Right, y);
        y += 6;
        var p = doc.Page;
        if (p.Vat.ShowsVat)
        {
            y = Total(c, p.Text.Net, Kes(p.Vat.Net), y);
            y = Total(c, p.Vat.Mode == VatMode.Inclusive ? p.Text.VatIncluded : p.Text.VatAdded, Kes(p.Vat.Vat), y);
        }

        y = Total(c, doc.Text.Total, Kes(Money.FromCents(p.AmountCents)), y, bold: true);
        var paid = p.AmountCents - p.BalanceCents;
        if (paid > 0) y = Total(c, p.Text.PaidSoFar, Kes(Money.FromCents(paid)), y);
        if (paid > 0 || doc.Kind == InvoiceDocumentKind.Receipt) y = Total(c, p.Text.Balance, Kes(Money.FromCents(p.BalanceCents)), y, bold: true);
        return y;
    }

    private static double Total(PdfCanvas c, string label, string value, double y, bool bold = false)
    {
        c.Text(label, 330, y, 10, bold: bold);
        c.Text(value, 440, y, 10, bold: bold, width: c.Right - 444, align: XStringAlignment.Far);
        return y + Row + 1;
    }

    private static void HowToPay(PdfCanvas c, InvoiceDocument doc, double y)
    {
        var p = doc.Page;
        c.Text(doc.Text.HowToPay, Margin, y, 12, bold: true, color: Accent);
        y += 20;
        c.Text(doc.Text.PayOnline, Margin, y, 9);
        y += 14;
        c.Button(p.Text.PayButton, p.PayLink, Margin, y, 170, 24, Accent);
        c.Text(p.PayLink, Margin, y + 30, 8, color: XColors.DimGray, width: 330);
        y += 50;

        if (p.Instructions is { } how)
        {
            c.Text(how.IsTill ? p.Text.OrTill : p.Text.OrPaybill, Margin, y, 10, bold: true);
            c.Text(how.IsTill ? p.Text.TillSteps : p.Text.PaybillSteps, Margin, y + 14, 9, color: XColors.DimGray);
            c.Text($"{(how.IsTill ? p.Text.TillNumber : p.Text.BusinessNumber)}: {how.BusinessNumber}", Margin, y + 30, 10);
            if (!how.IsTill) c.Text($"{p.Text.AccountNumber}: {how.Account}", Margin, y + 44, 10, bold: true);
            else c.Text(string.Format(CultureInfo.InvariantCulture, p.Text.TillThen, how.Account), Margin, y + 44, 9, width: 330);
            c.Text($"{p.Text.Amount}: {Kes(Money.FromCents(p.BalanceCents))}", Margin, y + 58, 10);
        }

        var size = 120.0;
        c.Qr(p.PayLink, c.Right - size, y - 64, size);
        c.Text(p.Text.QrCaption, c.Right - size - 30, y - 64 + size + 4, 7, color: XColors.DimGray, width: size + 30,
            align: XStringAlignment.Center);
    }

    private static void Payments(PdfCanvas c, InvoiceDocument doc, double y)
    {
        var p = doc.Page;
        c.Text(doc.Text.Payments, Margin, y, 12, bold: true, color: Accent);
        y += 20;
        c.Text(p.Text.Receipt, Margin + 4, y, 9, bold: true);
        c.Text(doc.Text.PaidAt, 220, y, 9, bold: true);
        c.Text(p.Text.Amount, 480, y, 9, bold: true, width: c.Right - 484, align: XStringAlignment.Far);
        y += Row;
        foreach (var receipt in p.Receipts.Take(12))
        {
            c.Text(receipt.Number ?? p.Text.ReceiptPending, Margin + 4, y, 9);
            c.Text(When(receipt.At), 220, y, 9);
            c.Text(Kes(Money.FromCents(receipt.AmountCents)), 480, y, 9, width: c.Right - 484, align: XStringAlignment.Far);
            y += Row;
        }
    }

    private static string Kes(Money money) => money.ToKes();

    private static string Day(DateTimeOffset at) =>
        at.ToOffset(NairobiTime.Offset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string When(DateTimeOffset at) =>
        at.ToOffset(NairobiTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    internal static XFont Font(double size, bool bold) =>
        new(DocumentFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Embedded);
}
