using Serilog;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>Decides the mode and refuses a Live start with missing settings, before anything else runs.</summary>
public static class StartupCheck
{
    public static AppMode? Run(IConfiguration configuration)
    {
        var mode = AppModeResolver.Resolve(configuration);
        if (mode == AppMode.Sandbox)
        {
            Log.Information("InvoiceFirst starting in Sandbox mode: no provider credentials are configured, " +
                "so messages and M-PESA prompts stay on this machine (open /sandbox). No real money moves");
            return mode;
        }

        var missing = AppModeResolver.MissingLiveSettings(configuration);
        if (missing.Count > 0)
        {
            Log.Fatal("InvoiceFirst cannot start in Live mode: missing setting(s) {MissingSettings}. " +
                "Set them (environment variables use __, e.g. Mpesa__Passkey) or run without credentials for Sandbox mode",
                string.Join(", ", missing));
            return null;
        }
        Log.Information("InvoiceFirst starting in Live mode");
        return mode;
    }
}
