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

    /// <summary>Several lines in the caller's transaction: one statement on PostgreSQL, one per line on SQLite (in-process).</summary>
    public Task AddAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<MessageLogEntry> entries, CancellationToken ct)
    {
        if (!db.IsPostgres) return connection.ExecuteAsync(new CommandDefinition(InsertSql, entries, transaction, cancellationToken: ct));
        const string sql = """
            INSERT INTO message_log (outbox_id, invoice_id, channel, direction, event, provider, provider_message_id, status, error_code, created_at)
            SELECT * FROM unnest(@outboxIds, @invoiceIds, @channels, @directions, @events, @providers, @providerMessageIds, @statuses, @errorCodes, @createdAts)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            outboxIds = entries.Select(e => e.OutboxId).ToArray(),
            invoiceIds = entries.Select(e => e.InvoiceId).ToArray(),
            channels = entries.Select(e => e.Channel).ToArray(),
            directions = entries.Select(e => e.Direction).ToArray(),
            events = entries.Select(e => e.Event).ToArray(),
            providers = entries.Select(e => e.Provider).ToArray(),
            providerMessageIds = entries.Select(e => e.ProviderMessageId).ToArray(),
            statuses = entries.Select(e => e.Status).ToArray(),
            errorCodes = entries.Select(e => e.ErrorCode).ToArray(),
            createdAts = entries.Select(e => e.CreatedAt).ToArray(),
        }, transaction, cancellationToken: ct));
    }

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
