using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>The operator's merchant console over HTTP: list, create, approve or decline, suspend or resume, daily limits, API keys, the ledger and payouts (B2C ones: <see cref="PayoutEndpoints"/>), its own WhatsApp number.</summary>
public static class MerchantEndpoints
{
    private const int NameMin = 2, NameMax = 60, MaxPage = 200;

    public static IEndpointRouteBuilder MapMerchantEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/merchants").RequireOperatorKey().WithTags("Merchants");
        group.MapGet("", ListAsync).WithSummary("Merchants by id, optionally of one status or matching q (name, phone or code); page with after.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One merchant.");
        group.MapPost("", CreateAsync).WithSummary("Add an active merchant (phone, name, language).");
        foreach (var (action, from, to) in MerchantTransition.All)
            group.MapPost($"/{{id:long}}/{action}", (long id, MerchantRepository merchants, MerchantStatusChanges changes, MerchantLimits limits,
                    CancellationToken ct) => ChangeAsync(id, action, from, to, merchants, changes, limits, ct))
                .WithSummary($"{char.ToUpperInvariant(action[0])}{action[1..]} the merchant (only when {from.ToLowerInvariant()}).");
        group.MapPut("/{id:long}/limits", MerchantLimitEndpoints.SetAsync).Accepts<SetLimitsRequest>("application/json")
            .Produces<MerchantView>().ProducesValidationProblem()
            .WithSummary("Set the merchant's own daily invoice limit and SMS cap (Nairobi days); a field left out stays, null returns it to the default.");
        group.MapPut("/{id:long}/pay-route", MerchantPayRouteEndpoints.SetAsync).Accepts<SetPayRouteRequest>("application/json")
            .Produces<MerchantView>().ProducesValidationProblem()
            .WithSummary("How the merchant's customers pay: route collection, till (number) or paybill (number, optional account).");
        group.MapGet("/{id:long}/api-keys", ListKeysAsync).WithSummary("The merchant's keys, by prefix (never the keys themselves).");
        group.MapPost("/{id:long}/api-keys", CreateKeyAsync).WithSummary("A new key for the merchant, shown once in this answer.");
        group.MapDelete("/{id:long}/api-keys/{keyId:long}", RevokeKeyAsync).WithSummary("Revoke one of the merchant's keys.");
        group.MapGet("/{id:long}/ledger", MerchantLedgerEndpoints.GetAsync)
            .WithSummary("The merchant's ledger on the collection route: the balance and the entries, newest first; page with before.");
        group.MapPost("/{id:long}/payouts", MerchantLedgerEndpoints.RecordPayoutAsync).Accepts<RecordPayoutRequest>("application/json")
            .WithSummary("Record a payout made to the merchant (amount_cents, mpesa_reference, note): once per reference, never over the balance.");
        group.MapGet("/{id:long}/payouts", PayoutEndpoints.ListAsync)
            .WithSummary("The merchant's B2C payouts, newest first, with their status and receipt; page with before.");
        group.MapPut("/{id:long}/whatsapp", MerchantWhatsAppEndpoints.SetAsync).Produces<WhatsAppNumberView>().ProducesValidationProblem()
            .WithSummary("Send the merchant's messages from its own WhatsApp Business number (phone_number_id, access_token, display_phone_number, templates); again to rotate the token.");
        group.MapGet("/{id:long}/whatsapp", MerchantWhatsAppEndpoints.GetAsync).Produces<WhatsAppNumberView>()
            .WithSummary("The merchant's own WhatsApp number, if any (never its token).");
        group.MapDelete("/{id:long}/whatsapp", MerchantWhatsAppEndpoints.DeleteAsync).Produces<WhatsAppNumberView>()
            .WithSummary("Back to the shared WhatsApp number.");
        return app;
    }

    private static async Task<IResult> ListAsync(string? status, string? q, long? after, int? limit, MerchantRepository merchants,
        MerchantLimits limits, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToUpperInvariant();
        if (wanted is not null && !MerchantStatus.All.Contains(wanted))
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [$"Must be one of {string.Join(", ", MerchantStatus.All.Select(s => s.ToLowerInvariant()))}."],
            });
        var size = Math.Clamp(limit ?? 50, 1, MaxPage);
        var rows = await merchants.ListAsync(wanted, q is { Length: <= 80 } ? q : null, after ?? 0, size, ct);
        return Results.Ok(new MerchantList(rows.Select(m => MerchantView.From(m, limits)).ToList(), rows.Count == size ? rows[^1].Id : null));
    }

    private static async Task<IResult> GetAsync(long id, MerchantRepository merchants, MerchantLimits limits, CancellationToken ct) =>
        await merchants.GetAsync(id, ct) is { } merchant ? Results.Ok(MerchantView.From(merchant, limits)) : NoSuchMerchant();

    private static async Task<IResult> CreateAsync(CreateMerchantRequest body, MerchantRepository merchants, MerchantLimits limits, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var phone = "";
        if (string.IsNullOrWhiteSpace(body.Phone) || !MobileNumber.TryParseKenyan(body.Phone, out phone))
            errors["phone"] = ["Must be a Kenyan mobile number such as 254712345678 or 0712345678."];
        var name = body.Name?.Trim() ?? "";
        if (name.Length is < NameMin or > NameMax) errors["name"] = [$"Must be {NameMin}–{NameMax} characters."];
        var language = string.IsNullOrWhiteSpace(body.Language) ? "en" : body.Language.Trim().ToLowerInvariant();
        if (language is not ("en" or "sw")) errors["language"] = ["Must be en or sw."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        var created = await merchants.CreateAsync(phone, name, language, MerchantStatus.Active, clock.GetUtcNow(), ct);
        return created is null
            ? Results.Problem(statusCode: 409, title: "This phone already belongs to a merchant",
                detail: "A phone belongs to one business only, as its owner or one of its staff.")
            : Results.Created($"/merchants/{created.Id}", MerchantView.From(created, limits));
    }

    private static async Task<IResult> ChangeAsync(long id, string action, string from, string to, MerchantRepository merchants,
        MerchantStatusChanges changes, MerchantLimits limits, CancellationToken ct)
    {
        if (await changes.ChangeAsync(id, from, to, ct) is { } changed)
            return Results.Ok(MerchantView.From(changed, limits));
        return await merchants.GetAsync(id, ct) is { } merchant
            ? Results.Problem(statusCode: 409, title: $"Cannot {action} a merchant that is {merchant.Status.ToLowerInvariant()}",
                detail: $"Only a merchant that is {from.ToLowerInvariant()} can be {action}d.")
            : NoSuchMerchant();
    }

    private static async Task<IResult> ListKeysAsync(long id, MerchantRepository merchants, MerchantApiKeyRepository keys, CancellationToken ct) =>
        await merchants.GetAsync(id, ct) is null
            ? NoSuchMerchant()
            : Results.Ok((await keys.ListAsync(id, ct)).Select(k => ApiKeyView.From(k)).ToList());

    private static async Task<IResult> CreateKeyAsync(long id, MerchantRepository merchants, MerchantApiKeyRepository keys, TimeProvider clock,
        CancellationToken ct)
    {
        if (await merchants.GetAsync(id, ct) is null) return NoSuchMerchant();
        var (key, secret) = await keys.CreateAsync(id, clock.GetUtcNow(), ct);
        return Results.Json(ApiKeyView.From(key, secret), statusCode: 201);
    }

    private static async Task<IResult> RevokeKeyAsync(long id, long keyId, MerchantApiKeyRepository keys, TimeProvider clock, CancellationToken ct) =>
        await keys.RevokeAsync(id, keyId, clock.GetUtcNow(), ct)
            ? Results.NoContent()
            : Results.Problem(statusCode: 404, title: "No such key", detail: "The merchant has no active key with this id.");

    private static IResult NoSuchMerchant() => Results.Problem(statusCode: 404, title: "No such merchant");
}
