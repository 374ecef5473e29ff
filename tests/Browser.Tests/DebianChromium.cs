using System.Diagnostics;
using Microsoft.Playwright;

namespace InvoiceFirst.Browser.Tests;

/// <summary>
/// Makes sure Debian's Chromium is there, installing the package when the tests run as root on a
/// fresh machine. Browser downloads (playwright install) are not possible here, and not needed.
/// </summary>
public static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";
    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>Debian's Chromium, headless, with what a test needs off (no sandbox for root, no background traffic).</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        await EnsureInstalledAsync(Path);
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static async Task EnsureInstalledAsync(string path)
    {
        await Once.WaitAsync();
        try
        {
            if (File.Exists(path)) return;
            if (Environment.UserName != "root")
                throw new InvalidOperationException($"{path} is missing: run 'sudo apt-get install -y chromium' (the browser tests use Debian's Chromium).");
            await RunAsync("apt-get", "update -qq");
            await RunAsync("apt-get", "install -y -qq chromium");
            if (!File.Exists(path)) throw new InvalidOperationException($"apt-get installed chromium but {path} is still missing");
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Could not install Chromium ({program} {arguments} exited {process.ExitCode}): {await error}{await output}");
    }
}
