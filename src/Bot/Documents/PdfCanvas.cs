using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace InvoiceFirst.Bot.Documents;

/// <summary>The few drawing moves the invoice needs, in points from the top left of an A4 page.</summary>
internal sealed class PdfCanvas(XGraphics gfx, PdfPage page)
{
    public double Right => page.Width.Point - 40;

    /// <summary>Text at (x, y); cut with an ellipsis to <paramref name="width"/>, so a long name never runs over a column.</summary>
    public void Text(string text, double x, double y, double size, bool bold = false, double? width = null,
        XStringAlignment align = XStringAlignment.Near, XColor? color = null)
    {
        var font = InvoicePdfRenderer.Font(size, bold);
        var w = width ?? Right - x;
        var fitted = Fit(text, font, w);
        var box = new XRect(x, y, w, size * 1.3);
        var format = new XStringFormat { Alignment = align, LineAlignment = XLineAlignment.Near };
        gfx.DrawString(fitted, font, new XSolidBrush(color ?? XColors.Black), box, format);
    }

    public void Fill(double x, double y, double w, double h, XColor color) => gfx.DrawRectangle(new XSolidBrush(color), x, y, w, h);

    public void Line(double x1, double y, double x2, double y2) => gfx.DrawLine(new XPen(XColors.Gray, 0.5), x1, y, x2, y2);

    /// <summary>A filled rounded box with a label that opens <paramref name="url"/> when pressed.</summary>
    public void Button(string label, string url, double x, double y, double w, double h, XColor color)
    {
        gfx.DrawRoundedRectangle(new XSolidBrush(color), x, y, w, h, 8, 8);
        var font = InvoicePdfRenderer.Font(11, true);
        gfx.DrawString(Fit(label, font, w - 8), font, XBrushes.White, new XRect(x, y, w, h), XStringFormats.Center);
        var rect = gfx.Transformer.WorldToDefaultPage(new XRect(x, y, w, h));
        page.AddWebLink(new PdfRectangle(rect), url);
    }

    /// <summary>The QR of <paramref name="text"/> as filled squares (vector, a few hundred bytes; no image codec).</summary>
    public void Qr(string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var cell = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            var col = 0;
            while (col < matrix.Count)
            {
                if (!matrix[row][col]) { col++; continue; }
                var start = col;
                while (col < matrix.Count && matrix[row][col]) col++;
                gfx.DrawRectangle(XBrushes.Black, x + (start * cell), y + (row * cell), (col - start) * cell + 0.05, cell + 0.05);
            }
        }
    }

    private string Fit(string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
