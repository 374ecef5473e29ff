using System.Security.Claims;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Merchants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>Who is signed in to <c>/app</c>: a merchant's owner or one of its staff, as in chat.</summary>
public sealed record AppUser(ChatActor Actor)
{
    public Merchant Merchant => Actor.Merchant;
}

/// <summary>The dashboard's cookie session: what it carries, and who it stands for now.</summary>
public static class AppSession
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string MerchantClaim = "merchant_id";

    public static Task SignInAsync(HttpContext http, ChatActor actor) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, actor.Phone),
                new Claim(MerchantClaim, actor.Merchant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>
    /// The session's user, checked against the database on every request: a merchant paused, or a phone no longer
    /// its owner or staff, is signed out at once rather than when the cookie expires.
    /// </summary>
    public static async Task<AppUser?> CurrentAsync(HttpContext http, LoginCodes members, CancellationToken ct)
    {
        var session = await http.AuthenticateAsync(Scheme);
        if (!session.Succeeded
            || session.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } phone
            || !long.TryParse(session.Principal.FindFirstValue(MerchantClaim), out var merchantId))
            return null;
        var actor = await members.MemberAsync(phone, ct);
        return actor is not null && actor.Merchant.Id == merchantId ? new AppUser(actor) : null;
    }
}
