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
        // Sent to the dashboard only, never to the API or the webhooks; seven days, sliding.
        services.AddSessionCookie(services.AddAuthentication(AppSession.Scheme), AppSession.Scheme, "if_session", "/app", TimeSpan.FromDays(7));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "if_form";
            o.Cookie.Path = "/"; // the dashboard's forms, the operator console's (/ops) and the setup pages linked from chat (/setup/…)
            o.FormFieldName = "_form";
        });
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().PostConfigure<BotMode>((o, mode) =>
            o.Cookie.SecurePolicy = SessionCookies.SecurePolicy(mode));
        services.AddSingleton<LoginCodes>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<UnappliedMoney>();
        return services;
    }
}
