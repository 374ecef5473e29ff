using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace InvoiceFirst.Testing;

/// <summary>The built bot run as a separate process, exactly as a deployment runs it.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The bot's own process id (the dotnet host runs the app in-process), for /proc figures.</summary>
    public int ProcessId => _process.Id;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static BotProcess Start(IDictionary<string, string> environment, params string[] args)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "InvoiceFirst.Bot.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["App__PublicBaseUrl"] = $"http://127.0.0.1:{port}"; // pay links and the sandbox's own callbacks
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return new BotProcess(Process.Start(info)!, port);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls until the URL answers 200 or the deadline passes.</summary>
    public async Task<HttpResponseMessage> WaitForOkAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline) return response;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            // A process that already exited is reported below with its output, not as a refused connection.
            catch (HttpRequestException) when (_process.HasExited)
            {
            }
            if (_process.HasExited) throw new InvalidOperationException($"Bot exited {_process.ExitCode}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends SIGTERM, as Fly and Docker do on a deploy, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", $"-TERM {_process.Id}")) await kill.WaitForExitAsync();
        return await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
