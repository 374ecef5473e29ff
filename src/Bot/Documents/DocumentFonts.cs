using System.Reflection;
using PdfSharp.Fonts;

namespace InvoiceFirst.Bot.Documents;

/// <summary>
/// DejaVu Sans, shipped in the assembly (Fonts/, Bitstream Vera licence): the PDFs never look for a system font,
/// so they render the same in the Docker image as on a laptop. PDFsharp's resolver is process-wide and set once.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver is DocumentFonts) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DocumentFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        var name = $"InvoiceFirst.Bot.Documents.Fonts.{faceName}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
