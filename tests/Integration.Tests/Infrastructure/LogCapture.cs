using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace InvoiceFirst.Integration.Tests.Infrastructure;

/// <summary>
/// Every event the host's Serilog pipeline writes, rendered with its properties. Wired in through the
/// host's own logger (<c>ReadFrom.Services</c>: <see cref="BotFactory"/> registers the capture named by
/// <see cref="SettingKey"/>), so it sees exactly what the production sinks see.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private static readonly ConcurrentDictionary<string, LogCapture> Open = new();
    private readonly ConcurrentQueue<string> _lines = new();

    private LogCapture(string key) => Key = key;

    public string Key { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    public static LogCapture Start() => Open.GetOrAdd(Guid.NewGuid().ToString("N"), key => new LogCapture(key));

    public static LogCapture For(string key) => Open.GetOrAdd(key, k => new LogCapture(k));

    public const string SettingKey = "Test:LogCapture";

    public Dictionary<string, string?> Settings() => new() { [SettingKey] = Key };

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} | {properties} {logEvent.Exception}");
    }
}
