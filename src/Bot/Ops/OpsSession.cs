using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace InvoiceFirst.Bot.Ops;

/// <summary>Who is signed in to <c>/ops</c>: an operator, by the phone the code was sent to.</summary>
public sealed record OpsUser(string Phone);

/// <summary>The console's cookie session (<c>if_ops</c>), its own scheme: an <c>/app</c> session never reads as one.</summary>
public static class OpsSession
{
    public const string Scheme = "Ops";

    public static Task SignInAsync(HttpContext http, string phone) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, phone)], Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The session's operator, checked against <c>Platform:Operators</c> on every request; null otherwise.</summary>
    public static async Task<OpsUser?> CurrentAsync(HttpContext http, OperatorPhones operators)
    {
        var session = await http.AuthenticateAsync(Scheme);
        return session.Succeeded && session.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } phone && operators.Contains(phone)
            ? new OpsUser(phone)
            : null;
    }
}
