using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>One chat message to send: text plus at most three reply buttons.</summary>
public sealed record Reply(string Text, IReadOnlyList<ReplyButton> Buttons)
{
    public Reply(string text)
        : this(text, [])
    {
    }

    /// <summary>As an outbox message; a person who wrote by SMS is answered by SMS.</summary>
    public OutboundMessage ToMessage(bool bySms = false) =>
        new() { Text = Text, Buttons = Buttons, SmsText = bySms ? Text : null };
}
