using System.Globalization;
using System.Text.Json;
using InvoiceFirst.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// Daraja's wire format, served by the bot itself in Sandbox mode so that the real M-PESA client
/// (OAuth, STK push and query, C2B URL registration, Transaction Status) runs unchanged with only
/// the last hop replaced. A body it cannot read gets Daraja's 400, never a 500.
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
            if (await SandboxJson.ReadAsync(request) is not { } root) return BadRequest("Invalid JSON body");
            // Anyone can reach this endpoint, and approving a prompt makes the bot POST to its callback
            // URL: only the bot's own callback path is taken, so it cannot be made to call another host.
            var callbackUrl = SandboxJson.Text(root, "CallBackURL") ?? "";
            if (!SandboxCallbacks.IsOwnUrl(callbackUrl, app.Value.PublicBaseUrl.TrimEnd('/') + "/payments/stk/callback/"))
                return BadRequest("Invalid CallBackURL");
            if (SandboxJson.Text(root, "PhoneNumber") is not { Length: 12 } phone || !phone.All(char.IsAsciiDigit)) return BadRequest("Invalid PhoneNumber");
            if (!long.TryParse(SandboxJson.Text(root, "Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
                return BadRequest("Invalid Amount");
            var prompt = mpesa.Push(phone, amount, SandboxJson.Text(root, "AccountReference") ?? "", SandboxJson.Text(root, "PartyB") ?? "", callbackUrl);
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
            if (await SandboxJson.ReadAsync(request) is not { } root) return BadRequest("Invalid JSON body");
            var prompt = mpesa.Find(SandboxJson.Text(root, "CheckoutRequestID") ?? "");
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

        daraja.MapPost("/mpesa/c2b/v2/registerurl", async (HttpRequest request) =>
            await SandboxJson.ReadAsync(request) is { } root && SandboxJson.Text(root, "ConfirmationURL") is { Length: > 0 }
                ? Results.Json(new { OriginatorCoversationID = Guid.NewGuid().ToString("N")[..18], ResponseCode = "0", ResponseDescription = "Success" }, Wire)
                : BadRequest("Invalid ConfirmationURL"));

        daraja.MapPost("/mpesa/transactionstatus/v1/query", async (HttpRequest request, SandboxPaybill paybill, SandboxInitiator initiator) =>
        {
            if (await SandboxJson.ReadAsync(request) is not { } root) return BadRequest("Invalid JSON body");
            if (!initiator.Accepts(SandboxJson.Text(root, "Initiator") ?? "", SandboxJson.Text(root, "SecurityCredential") ?? ""))
                return Results.Json(new { requestId = "sandbox", errorCode = "401.003.01", errorMessage = "Error Occurred - Invalid Access Token / Security Credential" }, Wire, statusCode: 401);
            var resultUrl = SandboxJson.Text(root, "ResultURL") ?? "";
            if (!paybill.IsOwnResultUrl(resultUrl)) return BadRequest("Invalid ResultURL");
            var receipt = SandboxJson.Text(root, "TransactionID") ?? "";
            // Like Daraja, answer now and post the result a moment later.
            _ = Task.Run(() => paybill.AnswerStatusAsync(receipt, resultUrl, CancellationToken.None));
            return Results.Json(new
            {
                OriginatorConversationID = Guid.NewGuid().ToString("N")[..18],
                ConversationID = "AG_SANDBOX_" + receipt,
                ResponseCode = "0",
                ResponseDescription = "Accept the service request successfully.",
            }, Wire);
        });
    }

    private static IResult BadRequest(string message) =>
        Results.Json(new { requestId = "sandbox", errorCode = "400.002.02", errorMessage = "Bad Request - " + message }, Wire, statusCode: 400);
}
