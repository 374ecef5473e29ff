using System.Collections.Concurrent;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>What the sandbox phones sent, so the page can show both sides of each chat.</summary>
public sealed class SandboxTranscript
{
    private const int Capacity = 1000;
    private readonly ConcurrentQueue<SandboxEntry> _sent = new();

    public void Add(SandboxEntry entry)
    {
        _sent.Enqueue(entry);
        while (_sent.Count > Capacity && _sent.TryDequeue(out _)) { }
    }

    public IReadOnlyList<SandboxEntry> From(string phone) => _sent.Where(e => e.Phone == phone).ToList();
}

public sealed record SandboxEntry(string Phone, string Text, DateTimeOffset At);
