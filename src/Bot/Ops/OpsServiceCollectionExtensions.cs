using InvoiceFirst.Bot.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InvoiceFirst.Bot.Ops;

public static class OpsServiceCollectionExtensions
{
    /// <summary>
    /// The operator console's cookie session. It shares the dashboard's key ring, login codes (for their own
    /// audience), throttle and antiforgery (see <c>AddDashboard</c>).
    /// </summary>
    public static IServiceCollection AddOps(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(OpsSession.Scheme, o =>
        {
            o.Cookie.Name = "if_ops";
            o.Cookie.Path = "/ops"; // sent to the console only
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/ops/login";
        });
        services.AddOptions<CookieAuthenticationOptions>(OpsSession.Scheme).PostConfigure<BotMode>((o, mode) =>
            o.Cookie.SecurePolicy = mode.IsSandbox ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddOptions<PlatformOptions>()
            .Validate(o => OperatorPhones.TryReadList(o.Operators, out _), "Platform:Operators must list Kenyan mobile numbers, e.g. 0712345678,0722000111")
            .ValidateOnStart();
        services.AddSingleton<OperatorPhones>();
        return services;
    }
}
