using System.Text.Json;
using InvoiceFirst.Data.Conversations;

namespace InvoiceFirst.Bot.Onboarding;

/// <summary>Maps the registration state to and from its row in <c>conversations</c>, beside (never at once with) an invoice draft.</summary>
public static class RegistrationStore
{
    public const string RowState = "Registering";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RegistrationState Read(Conversation row) =>
        row.State == RowState && !string.IsNullOrEmpty(row.Draft)
            ? JsonSerializer.Deserialize<RegistrationState>(row.Draft, Json) ?? new RegistrationState()
            : new RegistrationState();

    public static void Write(Conversation row, RegistrationState state)
    {
        var idle = state.Step == "Idle";
        row.State = idle ? "Idle" : RowState;
        row.Draft = idle ? null : JsonSerializer.Serialize(state, Json);
        row.ExpiresAt = idle ? null : state.UpdatedAt + RegistrationFlow.IdleTimeout;
    }
}
