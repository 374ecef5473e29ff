namespace InvoiceFirst.Bot.Events;

/// <summary>Settings of the <c>Events</c> section (the <c>GET /events</c> stream).</summary>
public sealed class EventStreamOptions
{
    public const string Section = "Events";

    /// <summary>How often each open stream looks for new rows; the delay an event may take to arrive.</summary>
    public int PollMilliseconds { get; set; } = 500;

    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>Sent as the SSE <c>retry:</c> hint: how soon a client reconnects.</summary>
    public int RetryMilliseconds { get; set; } = 2000;

    public TimeSpan Poll => TimeSpan.FromMilliseconds(PollMilliseconds);

    public TimeSpan KeepAlive => TimeSpan.FromSeconds(KeepAliveSeconds);
}
