using System.Text.Json;
using InvoiceFirst.Data.Conversations;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// What a chat remembers between turns beside the guided flow: the question the bot asked and is
/// waiting to hear answered, and the list page the person saw last (for <c>more</c>). Stored as JSON
/// in <c>conversations.chat_context</c>, inside the turn's transaction like the rest of the row.
/// </summary>
public sealed class ChatContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ChatQuestion? Question { get; set; }

    public ListPosition? Listing { get; set; }

    public static ChatContext Read(Conversation row)
    {
        if (string.IsNullOrEmpty(row.ChatContext)) return new ChatContext();
        try
        {
            return JsonSerializer.Deserialize<ChatContext>(row.ChatContext, Json) ?? new ChatContext();
        }
        catch (JsonException)
        {
            // A shape from an older release: forgetting a question is better than failing the turn.
            return new ChatContext();
        }
    }

    public static void Write(Conversation row, ChatContext context) =>
        row.ChatContext = context.Question is null && context.Listing is null ? null : JsonSerializer.Serialize(context, Json);

    /// <summary>The open question, or null when there is none or it has waited too long.</summary>
    public ChatQuestion? OpenQuestion(DateTimeOffset now) =>
        Question is { } q && now - q.AskedAt <= ChatQuestion.AnswerWindow ? q : null;
}

/// <summary>Which list, and which page of it, a person saw last.</summary>
public sealed record ListPosition(ListKind Kind, int Page);

public enum ListKind
{
    Invoices,
    Customers,
}
