using System.Text.Json;
using InvoiceFirst.Data.Conversations;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Maps the guided-flow state to and from its row in <c>conversations</c>.</summary>
public static class ConversationStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ConversationState Read(Conversation row) =>
        string.IsNullOrEmpty(row.Draft)
            ? new ConversationState { State = row.State }
            : JsonSerializer.Deserialize<ConversationState>(row.Draft, Json) ?? new ConversationState();

    public static void Write(Conversation row, ConversationState state)
    {
        row.State = state.State;
        var idle = state.State == "Idle";
        row.Draft = idle ? null : JsonSerializer.Serialize(state, Json);
        row.ExpiresAt = idle ? null : state.UpdatedAt + InvoiceDraftFlow.IdleTimeout;
    }
}
