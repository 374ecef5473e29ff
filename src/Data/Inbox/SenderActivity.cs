using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Inbox;

/// <summary>How much one person wrote recently, read from the inbox every instance shares.</summary>
public static class SenderActivity
{
    /// <summary>
    /// Chat events stored from the same sender before this one and within <paramref name="window"/>
    /// of it; null when the event is not in the inbox (handled outside the worker, which sets
    /// <see cref="InboundEvent.ReceivedAt"/> to the stored row's time).
    /// </summary>
    public static async Task<(long Earlier, DateTimeOffset ReceivedAt)?> EarlierInWindowAsync(DbConnection connection, DbTransaction transaction,
        InboundEvent inbound, TimeSpan window, CancellationToken ct)
    {
        if (inbound.ReceivedAt is not { } receivedAt) return null;
        // One statement: the event's own row, and how many of its sender's came before it in the window.
        const string sql = """
            SELECT me.received_at AS ReceivedAt,
                   (SELECT COUNT(*) FROM inbox e
                    WHERE e.conversation_key = me.conversation_key AND e.id < me.id AND e.received_at > @since
                      AND e.kind IN ('Text', 'Button', 'Unsupported')) AS Earlier
            FROM inbox me WHERE me.provider = @provider AND me.provider_event_id = @eventId
            """;
        var me = await connection.QuerySingleOrDefaultAsync<InboxRow>(new CommandDefinition(sql,
            new { provider = inbound.Provider, eventId = inbound.EventId, since = receivedAt - window }, transaction, cancellationToken: ct));
        return me is null ? null : (me.Earlier, me.ReceivedAt);
    }

    private sealed record InboxRow
    {
        public long Earlier { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
    }
}
