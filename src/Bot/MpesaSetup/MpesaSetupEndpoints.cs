using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Payments.Flow;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace InvoiceFirst.Bot.MpesaSetup;

/// <summary>
/// <c>/setup/mpesa/{token}</c>: the page an owner opens from the <c>mpesa setup</c> chat link to enter their own Daraja
/// keys. The link (15 minutes, one merchant) is spent only when keys Safaricom accepted are saved; opening the page
/// uses nothing, so a link preview cannot spend it. HTTPS only in Live (<see cref="BrowserPagesOverHttps"/>). Secrets are encrypted before they are stored
/// and never shown, logged or answered back.
/// </summary>
public static class MpesaSetupEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The page's services, so each handler names one parameter.</summary>
    public sealed record SetupServices(SetupLinkRepository Links, MerchantRepository Merchants, MerchantDarajaKeys Keys,
        DarajaTokenProvider Daraja, DarajaC2bClient C2b, C2bUrls C2bUrls, PaymentHost Host, IOptions<MpesaOptions> Mpesa,
        IAntiforgery Antiforgery, Db Db, TimeProvider Clock);

    public static IEndpointRouteBuilder MapMpesaSetup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/setup/mpesa").ExcludeFromDescription();
        group.MapGet("/{token}", ShowAsync);
        group.MapPost("/{token}", SaveAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string token, [AsParameters] SetupServices s, CancellationToken ct)
    {
        if (await MerchantAsync(token, s, ct) is not { } merchant) return Spent(http, s, Language.English);
        var text = new MpesaSetupText(Language.FromCode(merchant.Language));
        return Page(http, s, text, token, merchant, MpesaSetupForm.Blank, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(HttpContext http, string token, [AsParameters] SetupServices s, CancellationToken ct)
    {
        if (await MerchantAsync(token, s, ct) is not { } merchant) return Spent(http, s, Language.English);
        var text = new MpesaSetupText(Language.FromCode(merchant.Language));
        if (!await s.Antiforgery.IsRequestValidAsync(http))
            return Page(http, s, text, token, merchant, MpesaSetupForm.Blank, text.FormExpired, StatusCodes.Status400BadRequest);
        var (form, secrets, error) = MpesaSetupForm.Read(await http.Request.ReadFormAsync(ct), text);
        if (secrets is null) return Page(http, s, text, token, merchant, form, error, StatusCodes.Status400BadRequest);

        // Safaricom is asked before anything is saved; a refusal leaves the link usable so the owner can correct the keys.
        if (await s.Daraja.TryKeysAsync(secrets.ConsumerKey, secrets.ConsumerSecret, ct) is { } refused)
            return Page(http, s, text, token, merchant, form, refused.CredentialsRejected ? text.KeysRefused : text.Unreachable,
                refused.CredentialsRejected ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable);

        var now = s.Clock.GetUtcNow();
        var saved = await s.Db.InTransactionAsync(async (c, t) =>
        {
            if (!await SetupLinkRepository.TryUseAsync(c, t, token, SetupLinkRepository.MpesaPurpose, merchant.Id, now, ct)) return false;
            await MerchantMpesaRepository.SaveAsync(c, t, merchant.Id, form.IsTill ? MerchantDarajaKeys.Till : MerchantDarajaKeys.Paybill,
                form.ShortCode, form.IsTill ? form.Till : null, s.Keys.Protect(secrets), now, ct);
            return true;
        }, ct);
        if (!saved) return Spent(http, s, text.Language);
        return Page(http, s, text, token, merchant, null, text.Saved(form.What) + await RegisterC2bAsync(merchant.Id, text, s, ct),
            StatusCodes.Status200OK, isError: false);
    }

    /// <summary>
    /// Payments made by hand to the merchant's Paybill or Till reach us only once our C2B URLs are registered for its
    /// shortcode, with its own app (safe to repeat: it moves no money). What happened, in a sentence for the page.
    /// </summary>
    private static async Task<string> RegisterC2bAsync(long merchantId, MpesaSetupText text, SetupServices s, CancellationToken ct)
    {
        if (!s.Mpesa.Value.IsC2bEnabled(s.Host.IsLive)) return "";
        var account = await s.Keys.ForMerchantAsync(merchantId, ct);
        return await s.C2b.RegisterUrlsAsync(account, s.C2bUrls.Confirmation, s.C2bUrls.Validation, ct) switch
        {
            DarajaAck.Accepted => " " + text.C2bRegistered,
            DarajaAck.Refused refused => " " + text.C2bRefused(refused.Message),
            _ => " " + text.C2bNoAnswer,
        };
    }

    private static async Task<Merchant?> MerchantAsync(string token, SetupServices s, CancellationToken ct) =>
        token.Length is > 0 and <= 64 && await s.Links.FindAsync(token, SetupLinkRepository.MpesaPurpose, s.Clock.GetUtcNow(), ct) is { } id
            ? await s.Merchants.GetAsync(id, ct)
            : null;

    /// <summary>A used, expired or unknown link: one answer for all three.</summary>
    private static IResult Spent(HttpContext http, SetupServices s, Language lang)
    {
        var text = new MpesaSetupText(lang);
        return Page(http, s, text, "", null, null, text.LinkUsed, StatusCodes.Status404NotFound);
    }

    private static IResult Page(HttpContext http, SetupServices s, MpesaSetupText text, string token, Merchant? merchant, MpesaSetupForm? form,
        string? notice, int status, bool isError = true)
    {
        var tokens = s.Antiforgery.GetAndStoreTokens(http);
        return new HtmlPageResult<MpesaSetupView>(status, new Dictionary<string, object?>
        {
            [nameof(MpesaSetupView.Text)] = text,
            [nameof(MpesaSetupView.Business)] = merchant?.Name ?? "",
            [nameof(MpesaSetupView.Token)] = token,
            [nameof(MpesaSetupView.FormToken)] = tokens.RequestToken!,
            [nameof(MpesaSetupView.TokenField)] = tokens.FormFieldName,
            [nameof(MpesaSetupView.Form)] = form,
            [nameof(MpesaSetupView.Notice)] = notice,
            [nameof(MpesaSetupView.NoticeIsError)] = isError,
        }, ContentSecurityPolicy);
    }
}
