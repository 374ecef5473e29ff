using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.MessageLog;

public sealed class MessageLogRepository(Db db)
{
    private const string InsertSql = """
        INSERT INTO message_log (outbox_id, invoice_id, channel, direction, event, provider, provider_message_id, status, error_code, created_at)
        VALUES (@OutboxId, @InvoiceId, @Channel, @Direction, @Event, @Provider, @ProviderMessageId, @Status, @ErrorCode, @CreatedAt)
        """;

    public static Task AddAsync(DbConnection connection, DbTransaction? transaction, MessageLogEntry entry, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, entry, transaction, cancellationToken: ct));

    public async Task AddAsync(MessageLogEntry entry, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await AddAsync(connection, null, entry, ct);
    }

    public async Task<IReadOnlyList<MessageLogEntry>> ListAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT outbox_id, invoice_id, channel, direction, event, provider, provider_message_id, status, error_code, created_at
            FROM message_log ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<MessageLogEntry>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
