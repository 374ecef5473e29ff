using System.Text.RegularExpressions;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>
/// <c>PUT/GET/DELETE /merchants/{id}/whatsapp</c>: the operator gives a merchant its own WhatsApp Business number (or takes it
/// back to the shared one). The access token is stored encrypted and never appears in an answer or a log line.
/// </summary>
public static partial class MerchantWhatsAppEndpoints
{
    public static async Task<IResult> SetAsync(long id, SetWhatsAppRequest body, MerchantRepository merchants, MerchantWhatsAppRepository rows,
        WhatsAppNumbers numbers, WhatsAppClient graph, IOptions<WhatsAppOptions> options, TimeProvider clock, ILogger<SetWhatsAppRequest> logger,
        CancellationToken ct)
    {
        if (await merchants.GetAsync(id, ct) is null) return NoSuchMerchant();
        var errors = Validate(body, numbers);
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        if (options.Value.CheckOwnNumbers && await CheckAsync(graph, body, ct) is { } refused) return refused;

        var now = clock.GetUtcNow();
        var row = new MerchantWhatsApp
        {
            MerchantId = id,
            PhoneNumberId = body.PhoneNumberId!.Trim(),
            DisplayPhoneNumber = Digits(body.DisplayPhoneNumber!),
            AccessToken = numbers.Protect(body.AccessToken!.Trim()),
            InvoiceTemplate = Blank(body.Templates?.Invoice),
            TemplateLanguage = Blank(body.Templates?.Language),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await rows.SaveAsync(row, ct))
            return Results.Problem(statusCode: 409, title: "This phone number id is another merchant's",
                detail: "A WhatsApp number belongs to one merchant only; DELETE it from the other merchant first.");
        logger.LogInformation("Merchant {MerchantId} now sends from its own WhatsApp number {PhoneNumberId}", id, row.PhoneNumberId);
        return Results.Ok(WhatsAppNumberView.From(id, await rows.GetAsync(id, ct)));
    }

    public static async Task<IResult> GetAsync(long id, MerchantRepository merchants, MerchantWhatsAppRepository rows, CancellationToken ct) =>
        await merchants.GetAsync(id, ct) is null ? NoSuchMerchant() : Results.Ok(WhatsAppNumberView.From(id, await rows.GetAsync(id, ct)));

    public static async Task<IResult> DeleteAsync(long id, MerchantRepository merchants, MerchantWhatsAppRepository rows,
        ILogger<SetWhatsAppRequest> logger, CancellationToken ct)
    {
        if (await merchants.GetAsync(id, ct) is null) return NoSuchMerchant();
        if (await rows.DeleteAsync(id, ct))
            logger.LogInformation("Merchant {MerchantId} is back on the shared WhatsApp number", id);
        return Results.Ok(WhatsAppNumberView.From(id, null));
    }

    /// <summary>Meta's word on the number and token before anything is saved; null when it accepted them.</summary>
    private static async Task<IResult?> CheckAsync(WhatsAppClient graph, SetWhatsAppRequest body, CancellationToken ct) =>
        await graph.CheckNumberAsync(body.PhoneNumberId!.Trim(), body.AccessToken!.Trim(), ct) switch
        {
            NumberCheck.Accepted => null,
            NumberCheck.TokenRefused => Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["access_token"] = ["Meta refused this token (code 190): it is wrong, expired or revoked. Nothing was saved."],
            }),
            NumberCheck.UnknownNumber => Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["phone_number_id"] = ["Meta knows no such number for this token: check the Phone number ID and that the token's system user has the number's WhatsApp Business Account. Nothing was saved."],
            }),
            _ => Results.Problem(statusCode: 502, title: "Meta could not be reached to check the number",
                detail: "Nothing was saved; try again, or set WhatsApp:CheckOwnNumbers=false to save without the check."),
        };

    private static Dictionary<string, string[]> Validate(SetWhatsAppRequest body, WhatsAppNumbers numbers)
    {
        var errors = new Dictionary<string, string[]>();
        var numberId = body.PhoneNumberId?.Trim() ?? "";
        if (!NumberIdPattern().IsMatch(numberId))
            errors["phone_number_id"] = ["Must be the number's Phone number ID from WhatsApp Manager (digits only), not the display number."];
        else if (numbers.IsShared(numberId))
            errors["phone_number_id"] = ["This is the deployment's shared number (WhatsApp:PhoneNumberId); DELETE returns a merchant to it."];
        var token = body.AccessToken?.Trim() ?? "";
        if (token.Length is < 20 or > 2048 || token.Any(char.IsWhiteSpace))
            errors["access_token"] = ["Must be the number's access token (a system user's permanent token), 20 to 2048 characters with no spaces."];
        if (Digits(body.DisplayPhoneNumber ?? "").Length is < 8 or > 15)
            errors["display_phone_number"] = ["Must be the number customers see, with its country code, such as +254 711 000 111."];
        if (Blank(body.Templates?.Invoice) is { } template && !TemplatePattern().IsMatch(template))
            errors["templates.invoice"] = ["Must be an approved template's name: lower-case letters, digits and underscores."];
        if (Blank(body.Templates?.Language) is { } language && !LanguagePattern().IsMatch(language))
            errors["templates.language"] = ["Must be a template language code such as en, sw or en_US."];
        return errors;
    }

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult NoSuchMerchant() => Results.Problem(statusCode: 404, title: "No such merchant");

    [GeneratedRegex("^[0-9]{5,30}$")]
    private static partial Regex NumberIdPattern();

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplatePattern();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();
}

/// <summary>The body of <c>PUT /merchants/{id}/whatsapp</c>.</summary>
public sealed record SetWhatsAppRequest(string? PhoneNumberId, string? AccessToken, string? DisplayPhoneNumber, WhatsAppTemplates? Templates)
{
    public override string ToString() => $"SetWhatsAppRequest {{ PhoneNumberId = {PhoneNumberId} }}";
}

/// <summary>The merchant's own number's approved templates: the invoice (and reminder) template and its language.</summary>
public sealed record WhatsAppTemplates(string? Invoice, string? Language);

/// <summary>What the operator sees of a merchant's WhatsApp number: never the token, only that one is saved.</summary>
public sealed record WhatsAppNumberView(long MerchantId, bool OwnNumber, string? PhoneNumberId, string? DisplayPhoneNumber, bool AccessTokenSaved,
    WhatsAppTemplates? Templates, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static WhatsAppNumberView From(long merchantId, MerchantWhatsApp? row) => row is null
        ? new(merchantId, false, null, null, false, null, null, null)
        : new(merchantId, true, row.PhoneNumberId, "+" + row.DisplayPhoneNumber, true, new WhatsAppTemplates(row.InvoiceTemplate, row.TemplateLanguage),
            row.CreatedAt, row.UpdatedAt);
}
