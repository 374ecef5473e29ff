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
        // Sent to the console only; a working day long, sliding.
        services.AddSessionCookie(services.AddAuthentication(), OpsSession.Scheme, "if_ops", "/ops", TimeSpan.FromHours(8));
        services.AddOptions<PlatformOptions>()
            .Validate(o => OperatorPhones.TryReadList(o.Operators, out _), "Platform:Operators must list Kenyan mobile numbers, e.g. 0712345678,0722000111")
            .ValidateOnStart();
        services.AddSingleton<OperatorPhones>();
        return services;
    }
}
