using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>One chat message to send: text plus at most three reply buttons.</summary>
public sealed record Reply(string Text, IReadOnlyList<ReplyButton> Buttons)
{
    public Reply(string text)
        : this(text, [])
    {
    }
}
