using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// Runs before the server takes requests: checks the settings of the mode, applies pending migrations (unless
/// <c>Database:MigrateOnStartup=false</c>) and creates or updates the configured merchant.
/// </summary>
public sealed class StartupTasks(
    BotMode mode,
    Migrator migrator,
    MerchantRepository merchants,
    IOptions<MerchantOptions> merchant,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        StartupCheck.Run(mode, configuration, logger);
        if (configuration.GetValue("Database:MigrateOnStartup", true))
            await migrator.MigrateAsync(ct);

        var phone = merchant.Value.Phone;
        if (string.IsNullOrWhiteSpace(phone)) return;
        if (!MobileNumber.TryParseKenyan(phone, out var msisdn))
            throw new InvalidOperationException("Merchant:Phone is not a Kenyan mobile number (e.g. 0712345678)");
        var seeded = await merchants.UpsertAsync(msisdn, merchant.Value.Name ?? "My Shop", clock.GetUtcNow(), ct);
        logger.LogInformation("Merchant {MerchantId} ready", seeded.Id);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
