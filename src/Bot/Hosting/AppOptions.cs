namespace InvoiceFirst.Bot.Hosting;

/// <summary>Settings of section <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Public https base for pay links and provider callbacks, e.g. https://invoicefirst.fly.dev.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary><c>Live</c> or <c>Sandbox</c>; unset means Sandbox when provider credentials are missing.</summary>
    public string? Mode { get; set; }

    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// Networks of the reverse proxies in front of the bot (CIDR list). Only a peer in them may say who the
    /// client is (<see cref="ForwardedForHeader"/>). Empty: no header is believed, the peer is the client.
    /// </summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>The header a known proxy names the client in: <c>X-Forwarded-For</c>, or <c>Fly-Client-IP</c> on Fly.io.</summary>
    public string ForwardedForHeader { get; set; } = "X-Forwarded-For";

    public string PayLink(string payToken) => $"{PublicBaseUrl.TrimEnd('/')}/pay/{payToken}";
}

/// <summary>Settings of section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Bearer key for the REST API. Empty: the API refuses every call.</summary>
    public string Key { get; set; } = "";
}

/// <summary>Settings of section <c>Merchant</c>: the merchant seeded at start-up.</summary>
public sealed class MerchantOptions
{
    public const string Section = "Merchant";

    public string? Phone { get; set; }

    public string? Name { get; set; }
}

/// <summary>Settings of section <c>Merchants</c>: the platform's rules for every merchant.</summary>
public sealed class MerchantsOptions
{
    public const string Section = "Merchants";

    /// <summary>How a merchant whose account is paused or not yet approved reaches the operator (shown to them in chat).</summary>
    public string ContactText { get; set; } = "the InvoiceFirst team";

    /// <summary>
    /// Invoices one merchant may create per Nairobi day, by chat and API together; 0 means no limit. The operator may set a
    /// merchant's own (PUT /merchants/{id}/limits).
    /// </summary>
    public int DailyInvoiceLimit { get; set; } = 1000;

    /// <summary>Who may join by chat. Unset: <see cref="RegistrationMode.Open"/> in Sandbox, <see cref="RegistrationMode.Approval"/> in Live.</summary>
    public RegistrationMode? Registration { get; set; }
}

/// <summary>What a number that sends REGISTER (JISAJILI) gets.</summary>
public enum RegistrationMode
{
    /// <summary>An active merchant at once.</summary>
    Open,

    /// <summary>A pending merchant until the operator approves.</summary>
    Approval,

    /// <summary>A polite refusal naming <see cref="MerchantsOptions.ContactText"/>.</summary>
    Closed,
}

/// <summary>Settings of section <c>Platform</c>: what the operator offers every merchant.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>
    /// Merchants may be paid through the operator's collection account (the deployment's shortcode, with each
    /// invoice's payment reference). Unset: on in Sandbox, off in Live.
    /// </summary>
    public bool? CollectionEnabled { get; set; }

    /// <summary>
    /// The phones that may log in to the operator console at <c>/ops</c>, comma-separated (any form a merchant's
    /// phone may be typed in, e.g. <c>0712345678,254722000111</c>). Empty: nobody.
    /// </summary>
    public string Operators { get; set; } = "";
}

/// <summary>Settings of section <c>Invoices</c>.</summary>
public sealed class InvoiceOptions
{
    public const string Section = "Invoices";

    /// <summary>Largest invoice in whole shillings.</summary>
    public long MaxAmount { get; set; } = 1_000_000;

    public int PayWindowDays { get; set; } = 7;
}
