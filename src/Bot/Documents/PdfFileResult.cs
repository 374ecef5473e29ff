namespace InvoiceFirst.Bot.Documents;

/// <summary>A PDF shown in the browser (inline, with its file name), kept out of caches and Referer headers like the pay page.</summary>
public sealed class PdfFileResult(byte[] pdf, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/pdf";
        http.Response.ContentLength = pdf.Length;
        headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        await http.Response.Body.WriteAsync(pdf, http.RequestAborted);
    }
}
