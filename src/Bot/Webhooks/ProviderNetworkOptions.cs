namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Keys <c>AllowedNetworks</c> and <c>NetworkMode</c> of a provider's section (<c>Mpesa</c>, <c>AfricasTalking</c>),
/// bound as named options per section: where that provider's callbacks may come from. Defence in depth only:
/// the URL token and the confirmation query stay the checks that decide.
/// </summary>
public sealed class ProviderNetworkOptions
{
    public const string Enforce = "enforce";
    public const string LogOnly = "log";

    /// <summary>Comma-separated networks in CIDR form, e.g. <c>196.201.214.200/32,196.201.212.0/24</c>. Empty: no check.</summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary><c>enforce</c> (default): a callback from elsewhere gets 404; <c>log</c>: a warning, and it goes through.</summary>
    public string NetworkMode { get; set; } = Enforce;

    public bool IsEnforced => !string.Equals(NetworkMode, LogOnly, StringComparison.OrdinalIgnoreCase);
}
