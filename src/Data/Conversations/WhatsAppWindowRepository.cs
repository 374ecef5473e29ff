using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Conversations;

/// <summary>
/// When each person last wrote to a merchant's own WhatsApp number: that number's 24-hour windows. The shared number's
/// window is the person's conversation (<see cref="Conversation.LastInboundAt"/>).
/// </summary>
public sealed class WhatsAppWindowRepository(Db db)
{
    /// <summary>The person wrote to the number at <paramref name="receivedAt"/>: the window moves on, never back.</summary>
    public static Task HeardAsync(DbConnection connection, DbTransaction transaction, string phoneNumberId, string participant,
        DateTimeOffset receivedAt, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO whatsapp_windows (phone_number_id, participant, last_inbound_at) VALUES (@phoneNumberId, @participant, @receivedAt)
            ON CONFLICT (phone_number_id, participant) DO UPDATE SET last_inbound_at = excluded.last_inbound_at
            WHERE whatsapp_windows.last_inbound_at < excluded.last_inbound_at
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { phoneNumberId, participant, receivedAt }, transaction, cancellationToken: ct));
    }

    public async Task<DateTimeOffset?> LastInboundAtAsync(string phoneNumberId, string participant, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await LastInboundAtAsync(connection, null, phoneNumberId, participant, ct);
    }

    public static Task<DateTimeOffset?> LastInboundAtAsync(DbConnection connection, DbTransaction? transaction, string phoneNumberId,
        string participant, CancellationToken ct)
    {
        const string sql = "SELECT last_inbound_at FROM whatsapp_windows WHERE phone_number_id = @phoneNumberId AND participant = @participant";
        return connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            new CommandDefinition(sql, new { phoneNumberId, participant }, transaction, cancellationToken: ct));
    }
}
