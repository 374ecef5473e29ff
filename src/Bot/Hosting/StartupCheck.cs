namespace InvoiceFirst.Bot.Hosting;

/// <summary>Says which mode the process runs in and refuses a Live start with missing settings.</summary>
public static class StartupCheck
{
    public static void Run(BotMode mode, IConfiguration configuration, ILogger logger)
    {
        if (mode.IsSandbox)
        {
            logger.LogInformation("InvoiceFirst starting in Sandbox mode: no provider credentials are configured, " +
                "so messages and M-PESA prompts stay on this machine (open /sandbox). No real money moves");
            return;
        }

        var missing = AppModeResolver.MissingLiveSettings(configuration);
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Cannot start in Live mode: missing setting(s) {string.Join(", ", missing)}. Set them " +
                "(environment variables use __, e.g. Mpesa__Passkey) or remove all provider credentials for Sandbox mode");
        logger.LogInformation("InvoiceFirst starting in Live mode");
    }
}
