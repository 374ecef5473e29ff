using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>The network allowlist of the providers that sign nothing, one named options instance per section.</summary>
public static class ProviderNetworks
{
    public static readonly string[] Sections = [MpesaOptions.SectionName, AfricasTalkingOptions.Section];

    public static IServiceCollection AddProviderNetworks(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ProviderNetworkOptions>, ProviderNetworkOptionsValidator>();
        foreach (var section in Sections)
            services.AddOptions<ProviderNetworkOptions>(section).BindConfiguration(section).ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Checks the client address against <c>{section}:AllowedNetworks</c> before the endpoint (and the filters
    /// added after this one) runs, e.g. <c>.RequireProviderNetwork("Mpesa")</c> on a Daraja callback.
    /// </summary>
    public static TBuilder RequireProviderNetwork<TBuilder>(this TBuilder builder, string section) where TBuilder : IEndpointConventionBuilder
    {
        if (!Sections.Contains(section))
            throw new ArgumentException($"No network allowlist for section '{section}'; known: {string.Join(", ", Sections)}", nameof(section));
        return builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            var options = services.GetRequiredService<IOptionsMonitor<ProviderNetworkOptions>>().Get(section);
            var filter = new NetworkAllowlistFilter(section, NetworkList.Parse(options.AllowedNetworks, section + ":AllowedNetworks"),
                options.IsEnforced, services.GetRequiredService<ILogger<NetworkAllowlistFilter>>());
            return invocation => filter.InvokeAsync(invocation, next);
        });
    }
}
