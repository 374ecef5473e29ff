using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Inbox;

/// <summary>How much one person wrote recently, read from the inbox every instance shares.</summary>
public static class SenderActivity
{
    /// <summary>
    /// Chat events stored from the same sender before this one and within <paramref name="window"/>
    /// of it; null when the event is not in the inbox (handled outside the worker).
    /// </summary>
    public static async Task<(long Earlier, DateTimeOffset ReceivedAt)?> EarlierInWindowAsync(DbConnection connection, DbTransaction transaction,
        InboundEvent inbound, TimeSpan window, CancellationToken ct)
    {
        const string findSql = """
            SELECT id, conversation_key, received_at FROM inbox WHERE provider = @provider AND provider_event_id = @eventId
            """;
        var me = await connection.QuerySingleOrDefaultAsync<InboxRow>(new CommandDefinition(findSql,
            new { provider = inbound.Provider, eventId = inbound.EventId }, transaction, cancellationToken: ct));
        if (me is null) return null;

        const string countSql = """
            SELECT COUNT(*) FROM inbox
            WHERE conversation_key = @conversationKey AND id < @id AND received_at > @since
              AND kind IN ('Text', 'Button', 'Unsupported')
            """;
        var earlier = await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql,
            new { conversationKey = me.ConversationKey, id = me.Id, since = me.ReceivedAt - window }, transaction, cancellationToken: ct));
        return (earlier, me.ReceivedAt);
    }

    private sealed record InboxRow
    {
        public long Id { get; init; }
        public required string ConversationKey { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
    }
}
