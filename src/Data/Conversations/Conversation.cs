namespace InvoiceFirst.Data.Conversations;

/// <summary>One person's chat with the bot: where a guided flow stands, its draft, their language.</summary>
public sealed class Conversation
{
    public long Id { get; init; }
    public required string Participant { get; init; }
    public string State { get; set; } = "Idle";
    public string? Draft { get; set; }
    public string? Language { get; set; }

    /// <summary>JSON: a question waiting for its answer and the list page last shown; null when neither.</summary>
    public string? ChatContext { get; set; }
    public long Version { get; init; }
    public DateTimeOffset? LastInboundAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The person wrote at <paramref name="receivedAt"/>: the window moves on, never back (an edit or a retry can arrive late).</summary>
    public void Heard(DateTimeOffset receivedAt)
    {
        if (LastInboundAt is not { } last || last < receivedAt) LastInboundAt = receivedAt;
    }
}
