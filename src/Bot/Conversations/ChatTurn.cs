namespace InvoiceFirst.Bot.Conversations;

/// <summary>What part of a turn says, and the question it leaves open for the next message (if any).</summary>
public sealed record ChatTurn(IReadOnlyList<Reply> Replies, ChatQuestion? Question = null)
{
    public static readonly ChatTurn Silent = new([]);

    public static ChatTurn Say(Reply reply, ChatQuestion? question = null) => new([reply], question);
}
