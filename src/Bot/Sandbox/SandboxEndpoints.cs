using InvoiceFirst.Data.Domain;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Messaging.Sandbox;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// The /sandbox page and what it calls. Only mapped in Sandbox mode: in Live mode every path here is 404.
/// </summary>
public static class SandboxEndpoints
{
    public static readonly string[] CustomerPhones = ["254712345678", "254722000111", "254110000222"];

    // Numbers a person can join as, one after the other (the seeded shop is 254700000001).
    private static readonly IEnumerable<string> NewMerchantNumbers = Enumerable.Range(2, 998).Select(i => $"254700000{i:D3}");

    public static void MapSandbox(this IEndpointRouteBuilder app)
    {
        app.MapSandboxDaraja();
        var sandbox = app.MapGroup("/sandbox").ExcludeFromDescription();
        sandbox.MapGet("", async (HttpContext http, MerchantRepository merchants, IOptions<OutboxOptions> outbox, IOptions<MpesaOptions> mpesa,
            CancellationToken ct) =>
        {
            var known = (await merchants.ListAsync(null, null, 0, 50, ct)).Select(m => (m.Phone, m.Name)).ToList();
            return Results.Content(await ComponentHtml.RenderAsync<SandboxPage>(http.RequestServices, new Dictionary<string, object?>
            {
                [nameof(SandboxPage.Merchants)] = known,
                [nameof(SandboxPage.NewNumber)] = NewMerchantNumbers.First(n => known.All(m => m.Phone != n) && !CustomerPhones.Contains(n)),
                [nameof(SandboxPage.CustomerPhones)] = CustomerPhones,
                [nameof(SandboxPage.WithoutWhatsApp)] = outbox.Value.SandboxWithoutWhatsApp,
                [nameof(SandboxPage.ShortCode)] = mpesa.Value.ShortCode,
            }), "text/html; charset=utf-8");
        });

        sandbox.MapPost("/send", async (SandboxInput input, SandboxSender sender, CancellationToken ct) =>
        {
            if (!MobileNumber.TryParseKenyan(input.From ?? "", out var from)) return Results.BadRequest(new { error = "from must be a Kenyan mobile number" });
            if (string.IsNullOrWhiteSpace(input.Text) && string.IsNullOrWhiteSpace(input.ButtonId))
                return Results.BadRequest(new { error = "type a message or tap a button" });
            var status = await sender.SendAsync(from, input, ct);
            return Results.Json(new { status }, statusCode: status);
        });

        sandbox.MapGet("/feed", async (string merchant, string customer, SandboxChannel channel, SandboxTranscript transcript, SandboxMpesa mpesa,
            SandboxMerchantRoute route, CancellationToken ct) =>
            Results.Json(new
            {
                merchant = Feed(merchant, channel, transcript),
                merchantRoute = MobileNumber.TryParseKenyan(merchant, out var owner) ? await route.DescribeAsync(owner, ct) : null,
                customer = Feed(customer, channel, transcript),
                prompts = mpesa.PromptsFor(customer).Select(p => new
                {
                    p.CheckoutRequestId, p.AmountShillings, p.AccountReference, p.PayTo, p.Status, p.Receipt,
                }),
            }, JsonSerializerOptions.Web));

        sandbox.MapPost("/prompts/{checkoutRequestId}/{outcome}", async (string checkoutRequestId, string outcome, SandboxMpesa mpesa, CancellationToken ct) =>
        {
            if (outcome is not ("approved" or "cancelled" or "timeout")) return Results.BadRequest(new { error = "outcome is approved, cancelled or timeout" });
            var resolved = await mpesa.ResolveAsync(checkoutRequestId, outcome, ct);
            return resolved is null ? Results.NotFound(new { error = "no pending prompt with that id" }) : Results.Ok(new { resolved.Status });
        });

        // The customer pays by hand from the M-PESA menu: Lipa na M-PESA, Pay Bill, business number, account, amount.
        sandbox.MapPost("/paybill", async (SandboxPaybillInput input, SandboxPaybill paybill, CancellationToken ct) =>
        {
            if (!MobileNumber.TryParseKenyan(input.From ?? "", out var from)) return PaybillProblem("from must be a Kenyan mobile number");
            if (input.Account is not { Length: > 0 and <= 20 } account) return PaybillProblem("type the account number (the invoice number), up to 20 characters");
            if (input.Amount is not { } amount || amount is < 1 or > 250_000) return PaybillProblem("the amount is 1 to 250,000 shillings");
            return Results.Ok(new { receipt = await paybill.PayAsync(from, account.Trim(), amount, ct) });
        });
    }

    private static IResult PaybillProblem(string error) => Results.BadRequest(new { error });

    private static IEnumerable<object> Feed(string phone, SandboxChannel channel, SandboxTranscript transcript)
    {
        MobileNumber.TryParseKenyan(phone, out var msisdn);
        var received = channel.MessagesTo(msisdn).Select(m => new FeedItem("in", m.Channel,
            m.Channel == "sms" ? m.Message.SmsText ?? m.Message.Text : m.Message.Text,
            m.Message.Buttons.Select(b => new FeedButton(b.Id, b.Title)).ToList(), m.SentAt));
        var sent = transcript.From(msisdn).Select(e => new FeedItem("out", "whatsapp", e.Text, [], e.At));
        return received.Concat(sent).OrderBy(i => i.At);
    }

    private sealed record FeedItem(string Direction, string Channel, string Text, IReadOnlyList<FeedButton> Buttons, DateTimeOffset At);

    private sealed record FeedButton(string Id, string Title);
}

/// <summary>A Paybill payment typed into a sandbox phone's M-PESA menu.</summary>
public sealed record SandboxPaybillInput(string? From, string? Account, long? Amount);

/// <summary>What a sandbox phone sends: text, or a tapped button.</summary>
public sealed record SandboxInput(string? From, string? Text, string? ButtonId, string? ButtonTitle);

/// <summary>Delivers what a sandbox phone typed through the real WhatsApp webhook, signed like Meta signs it.</summary>
public sealed class SandboxSender(IHttpClientFactory http, IOptions<AppOptions> app, IOptions<WhatsAppOptions> whatsApp,
    SandboxTranscript transcript, TimeProvider clock)
{
    public async Task<int> SendAsync(string from, SandboxInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var numberId = whatsApp.Value.PhoneNumberId is { Length: > 0 } configured ? configured : "sandbox";
        var json = input.ButtonId is { Length: > 0 } id
            ? MetaWebhookBuilder.ButtonReply(from, id, input.ButtonTitle ?? id, now, numberId)
            : MetaWebhookBuilder.Text(from, input.Text!, now, numberId);
        var body = Encoding.UTF8.GetBytes(json);
        transcript.Add(new SandboxEntry(from, input.ButtonTitle ?? input.Text ?? "", now));

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{app.Value.PublicBaseUrl.TrimEnd('/')}/whatsapp/webhook") { Content = content };
        request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(body, whatsApp.Value.AppSecret!));
        using var response = await http.CreateClient(SandboxMpesa.HttpClientName).SendAsync(request, ct);
        return (int)response.StatusCode;
    }
}
