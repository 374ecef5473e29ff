using InvoiceFirst.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>Refuses start-up on a network list or mode that cannot be read, naming the key (<c>Mpesa:AllowedNetworks</c>).</summary>
public sealed class ProviderNetworkOptionsValidator : IValidateOptions<ProviderNetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderNetworkOptions options)
    {
        if (!NetworkList.TryParse(options.AllowedNetworks, out _, out var invalid))
            return ValidateOptionsResult.Fail(NetworkList.InvalidMessage($"{name}:AllowedNetworks", invalid));
        if (!options.NetworkMode.Equals(ProviderNetworkOptions.Enforce, StringComparison.OrdinalIgnoreCase)
            && !options.NetworkMode.Equals(ProviderNetworkOptions.LogOnly, StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Fail($"{name}:NetworkMode must be '{ProviderNetworkOptions.Enforce}' or '{ProviderNetworkOptions.LogOnly}', not '{options.NetworkMode}'");
        return ValidateOptionsResult.Success;
    }
}
