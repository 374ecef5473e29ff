using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// The browser sessions' cookies (the dashboard's, the console's): HttpOnly, SameSite=Lax, sliding, sent only under their
/// own path, Secure outside the sandbox; each signed with the Data Protection key ring every instance shares.
/// </summary>
public static class SessionCookies
{
    public static IServiceCollection AddSessionCookie(this IServiceCollection services, AuthenticationBuilder authentication, string scheme,
        string name, string path, TimeSpan lifetime)
    {
        authentication.AddCookie(scheme, o =>
        {
            o.Cookie.Name = name;
            o.Cookie.Path = path;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = lifetime;
            o.SlidingExpiration = true;
            o.LoginPath = path + "/login";
        });
        services.AddOptions<CookieAuthenticationOptions>(scheme).PostConfigure<BotMode>((o, mode) => o.Cookie.SecurePolicy = SecurePolicy(mode));
        return services;
    }

    public static CookieSecurePolicy SecurePolicy(BotMode mode) => mode.IsSandbox ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
