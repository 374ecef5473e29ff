namespace InvoiceFirst.Bot.Conversations;

/// <summary>The persisted row behind <see cref="InvoiceDraftFlow"/>; serializable with System.Text.Json.</summary>
public sealed class ConversationState
{
    public string State { get; set; } = "Idle";

    public InvoiceDraft Draft { get; set; } = new();

    public DateTimeOffset UpdatedAt { get; set; }
}
