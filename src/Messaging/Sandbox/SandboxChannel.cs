using InvoiceFirst.Data.Domain;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.Sandbox;

/// <summary>
/// The last hop in sandbox mode: keeps every message in memory (one instance only, by design)
/// and lets the sandbox UI watch them arrive. Always accepts.
/// </summary>
public sealed class SandboxChannel(TimeProvider timeProvider)
{
    /// <summary>Older messages are dropped past this, so a long-running sandbox cannot grow without bound.</summary>
    public const int Capacity = 1000;

    private readonly Lock gate = new();
    private readonly LinkedList<SandboxMessage> messages = new();
    private readonly List<Channel<SandboxMessage>> watchers = [];

    /// <summary>Raised after each send, on the sender's thread; handlers must be quick.</summary>
    public event Action<SandboxMessage>? MessageSent;

    public Task<SendResult> SendAsync(string recipientMsisdn, string channel, OutboundMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var sent = new SandboxMessage(
            "sandbox-" + Guid.NewGuid().ToString("N"), MobileNumber.ToDigits(recipientMsisdn), channel, message, timeProvider.GetUtcNow());
        lock (gate)
        {
            messages.AddLast(sent);
            if (messages.Count > Capacity) messages.RemoveFirst();
            foreach (var watcher in watchers) watcher.Writer.TryWrite(sent);
        }
        MessageSent?.Invoke(sent);
        return Task.FromResult(SendResult.Accepted(sent.Id));
    }

    public IReadOnlyList<SandboxMessage> Messages
    {
        get { lock (gate) return [.. messages]; }
    }

    public IReadOnlyList<SandboxMessage> MessagesTo(string msisdn)
    {
        var digits = MobileNumber.ToDigits(msisdn);
        lock (gate) return messages.Where(m => m.Recipient == digits).ToList();
    }

    /// <summary>Messages sent after the call, until <paramref name="ct"/> is cancelled.</summary>
    public async IAsyncEnumerable<SandboxMessage> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<SandboxMessage>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate) watchers.Add(channel);
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                while (channel.Reader.TryRead(out var message))
                    yield return message;
        }
        finally
        {
            lock (gate) watchers.Remove(channel);
        }
    }

    public void Clear()
    {
        lock (gate) messages.Clear();
    }
}
