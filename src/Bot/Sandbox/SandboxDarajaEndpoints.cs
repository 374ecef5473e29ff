using System.Globalization;
using System.Text.Json;
using InvoiceFirst.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// Daraja's wire format, served by the bot itself in Sandbox mode so that the real M-PESA client
/// (OAuth, STK push, STK query) runs unchanged with only the last hop replaced.
/// </summary>
public static class SandboxDarajaEndpoints
{
    public const string Prefix = "/sandbox/daraja";

    // Daraja's own field names, untouched by the API's snake_case policy.
    private static readonly JsonSerializerOptions Wire = new();

    public static void MapSandboxDaraja(this IEndpointRouteBuilder app)
    {
        var daraja = app.MapGroup(Prefix).ExcludeFromDescription();
        daraja.MapGet("/oauth/v1/generate", () => Results.Json(new { access_token = "sandbox-token", expires_in = "3599" }, Wire));

        daraja.MapPost("/mpesa/stkpush/v1/processrequest", async (HttpRequest request, SandboxMpesa mpesa, IOptions<AppOptions> app) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            // Anyone can reach this endpoint, and approving a prompt makes the bot POST to its callback
            // URL: only the bot's own callback path is taken, so it cannot be made to call another host.
            var callbackUrl = Text(root, "CallBackURL");
            if (!IsOwnCallback(callbackUrl, app.Value.PublicBaseUrl))
                return Results.Json(new { requestId = "sandbox", errorCode = "400.002.02", errorMessage = "Bad Request - Invalid CallBackURL" }, Wire, statusCode: 400);
            var prompt = mpesa.Push(
                Text(root, "PhoneNumber"),
                long.Parse(Text(root, "Amount"), CultureInfo.InvariantCulture),
                Text(root, "AccountReference"),
                callbackUrl);
            return Results.Json(new
            {
                MerchantRequestID = prompt.MerchantRequestId,
                CheckoutRequestID = prompt.CheckoutRequestId,
                ResponseCode = "0",
                ResponseDescription = "Success. Request accepted for processing",
                CustomerMessage = "Success. Request accepted for processing",
            }, Wire);
        });

        daraja.MapPost("/mpesa/stkpushquery/v1/query", async (HttpRequest request, SandboxMpesa mpesa) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var prompt = mpesa.Find(Text(body.RootElement, "CheckoutRequestID"));
            if (prompt is null)
                return Results.Json(new { requestId = "sandbox", errorCode = "500.001.1001", errorMessage = "The transaction does not Exist" }, Wire, statusCode: 500);
            return Results.Json(new
            {
                ResponseCode = "0",
                ResponseDescription = "The service request has been accepted successsfully",
                prompt.MerchantRequestId,
                prompt.CheckoutRequestId,
                prompt.ResultCode,
                ResultDesc = prompt.Status == "pending" ? "The transaction is still under processing" : prompt.Status,
            }, Wire);
        });
    }

    private static bool IsOwnCallback(string url, string publicBaseUrl)
    {
        var prefix = publicBaseUrl.TrimEnd('/') + "/payments/stk/callback/";
        return url.StartsWith(prefix, StringComparison.Ordinal) && url.Length > prefix.Length
            && url[prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : throw new BadHttpRequestException($"{name} is required");
}
