namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// What part of a turn says, and the question it leaves open for the next message (if any). <see cref="HeldBack"/>: the
/// invoice asked for was not made (the daily limit), so a guided draft it came from must stay open.
/// </summary>
public sealed record ChatTurn(IReadOnlyList<Reply> Replies, ChatQuestion? Question = null)
{
    public static readonly ChatTurn Silent = new([]);

    public bool HeldBack { get; init; }

    public static ChatTurn Say(Reply reply, ChatQuestion? question = null) => new([reply], question);
}
