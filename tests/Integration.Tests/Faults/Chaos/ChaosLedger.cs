using System.Collections.Concurrent;

namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>Every webhook the bot acknowledged, by kind: what the checker holds the database and the fakes to.</summary>
public sealed class ChaosLedger
{
    /// <summary>A one-line (or guided) invoice command; <paramref name="Description"/> is unique to it.</summary>
    public sealed record Command(string EventId, string Description, string Msisdn, long Shillings);

    public sealed record Tap(string EventId, string InvoiceId);

    public sealed record Callback(string Token, string CheckoutRequestId, bool Success, string? Receipt);

    public ConcurrentBag<Command> Commands { get; } = [];
    public ConcurrentBag<Tap> Taps { get; } = [];
    public ConcurrentBag<Callback> Callbacks { get; } = [];
    public ConcurrentDictionary<(string Wamid, string Status), bool> Statuses { get; } = new();

    /// <summary>Webhooks the driver sent (each once, before injected duplicates and retries).</summary>
    public int Events;
}
