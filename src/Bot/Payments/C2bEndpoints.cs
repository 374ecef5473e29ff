using System.Text;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// Safaricom's C2B validation and confirmation calls for Paybill/Till payments made by hand. Daraja
/// signs nothing: the URLs carry a secret, and a confirmation is only stored as received; the
/// Transaction Status check decides whether it is money (<see cref="C2bVerifier"/>).
/// </summary>
public static class C2bEndpoints
{
    /// <summary>Maps nothing unless <c>Mpesa:C2bEnabled</c> (on by default in Sandbox mode).</summary>
    public static IEndpointRouteBuilder MapC2bEndpoints(this IEndpointRouteBuilder app)
    {
        var live = !app.ServiceProvider.GetRequiredService<BotMode>().IsSandbox;
        if (!app.ServiceProvider.GetRequiredService<IOptions<MpesaOptions>>().Value.IsC2bEnabled(live)) return app;
        Func<IServiceProvider, string> secret = sp => sp.GetRequiredService<IOptions<MpesaOptions>>().Value.C2bUrlToken;
        app.MapPost(C2bUrls.ValidationPath, ValidateAsync).RequireProviderNetwork(MpesaOptions.SectionName).RequireRouteSecret("C2B validation", secret)
            .WithTags("Payments").ExcludeFromDescription();
        app.MapPost(C2bUrls.ConfirmationPath, ConfirmAsync).RequireProviderNetwork(MpesaOptions.SectionName).RequireRouteSecret("C2B confirmation", secret)
            .WithTags("Payments").ExcludeFromDescription();
        app.MapTxStatusEndpoints();
        return app;
    }

    // Unmatched accounts are accepted on purpose: refusing would bounce a customer's money, and
    // the merchant is told about unapplied payments instead.
    private static async Task<IResult> ValidateAsync(HttpContext http, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        var parsed = C2bParser.Parse(Encoding.UTF8.GetString(body));
        var answer = parsed.IsValid ? C2bResponses.Accept() : C2bResponses.Reject(C2bRejectReason.InvalidAmount);
        return Results.Content(answer, "application/json");
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, InboxIntake intake, TimeProvider clock, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        var raw = Encoding.UTF8.GetString(body);
        // Stored even when unreadable: the handler keeps it for review. Acknowledging money we did not record is the worst outcome.
        var parsed = C2bParser.Parse(raw);
        var inbound = new C2bConfirmationReceived
        {
            Provider = Providers.Mpesa,
            EventId = parsed.TransId is { } transId ? "c2b:" + transId : "c2b:unreadable:" + RawBody.Digest(body),
            Parsed = parsed,
            Raw = raw,
            Timestamp = clock.GetUtcNow(),
        };
        return await intake.StoreAsync([inbound], ct) ? Results.Content(C2bResponses.ConfirmationAck(), "application/json") : InboxIntake.Unavailable();
    }
}
