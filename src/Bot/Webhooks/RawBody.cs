using System.Security.Cryptography;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// The request body exactly as received, read once before any parsing: signatures are
/// computed over these bytes. Bodies above the limit are refused before they are read.
/// </summary>
public static class RawBody
{
    /// <summary>Meta sends up to 3 MB; nothing legitimate we receive is larger.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private const string ItemKey = "InvoiceFirst.RawBody";

    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        if (context.Items[ItemKey] is byte[] cached) return cached;
        if (context.Request.ContentLength > MaxBytes) return null;

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.ToArray();
        context.Items[ItemKey] = body;
        return body;
    }

    /// <summary>A short digest of the body, to tell one delivery of a body from a different body in an event id.</summary>
    public static string Digest(byte[] body) => Convert.ToHexString(SHA256.HashData(body))[..16];

    public static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"Body larger than {MaxBytes} bytes");
}
