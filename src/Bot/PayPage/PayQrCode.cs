using QRCoder;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>The pay link as a QR image, inline, so the page needs no second request.</summary>
public static class PayQrCode
{
    public static string DataUri(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
