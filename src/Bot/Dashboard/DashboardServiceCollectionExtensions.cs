using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Logins;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace InvoiceFirst.Bot.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's login codes, cookie session and antiforgery, signed with a key ring kept in the database.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("InvoiceFirst");
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyRepository>((o, keys) => o.XmlRepository = new DbXmlRepository(keys));
        services.AddAuthentication(AppSession.Scheme).AddCookie(AppSession.Scheme, o =>
        {
            o.Cookie.Name = "if_session";
            o.Cookie.Path = "/app"; // sent to the dashboard only, never to the API or the webhooks
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = true;
            o.LoginPath = "/app/login";
        });
        services.AddOptions<CookieAuthenticationOptions>(AppSession.Scheme).PostConfigure<BotMode>((o, mode) =>
            o.Cookie.SecurePolicy = mode.IsSandbox ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "if_form";
            o.Cookie.Path = "/app";
            o.FormFieldName = "_form";
        });
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().PostConfigure<BotMode>((o, mode) =>
            o.Cookie.SecurePolicy = mode.IsSandbox ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddSingleton<LoginCodes>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<UnappliedMoney>();
        return services;
    }
}
