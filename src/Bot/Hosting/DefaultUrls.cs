namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// Listens on http://localhost:5080 only when nothing chose an address. A launch profile's
/// applicationUrl would override ASPNETCORE_URLS and --urls, and an Urls key in appsettings.json
/// would override ASPNETCORE_URLS (prefixed variables load before appsettings), so the default lives here.
/// </summary>
public static class DefaultUrls
{
    public const string Default = "http://localhost:5080";

    public static WebApplicationBuilder ListenOnDefaultUrlWhenUnset(this WebApplicationBuilder builder)
    {
        if (!IsChosen(builder.Configuration)) builder.WebHost.UseUrls(Default);
        return builder;
    }

    internal static bool IsChosen(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
