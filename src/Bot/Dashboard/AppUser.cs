using System.Security.Claims;
using InvoiceFirst.Data.Merchants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>Who is signed in to <c>/app</c>: a merchant's owner, by phone.</summary>
public sealed record AppUser(Merchant Merchant, string Phone);

/// <summary>The dashboard's cookie session: what it carries, and who it stands for now.</summary>
public static class AppSession
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string MerchantClaim = "merchant_id";

    public static Task SignInAsync(HttpContext http, Merchant merchant, string phone) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, phone), new Claim(MerchantClaim, merchant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>
    /// The session's user, checked against the database on every request: a merchant paused, or a phone that is no
    /// longer its owner, is signed out at once rather than when the cookie expires.
    /// </summary>
    public static async Task<AppUser?> CurrentAsync(HttpContext http, MerchantRepository merchants, CancellationToken ct)
    {
        var session = await http.AuthenticateAsync(Scheme);
        if (!session.Succeeded
            || session.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } phone
            || !long.TryParse(session.Principal.FindFirstValue(MerchantClaim), out var merchantId))
            return null;
        var merchant = await merchants.GetAsync(merchantId, ct);
        return merchant is { Status: MerchantStatus.Active } && merchant.Phone == phone ? new AppUser(merchant, phone) : null;
    }
}
