using System.Data.Common;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Outbox;

public sealed class OutboxRepository(Db db)
{
    /// <summary>Queues a message in the caller's transaction; a repeated dedupe key queues nothing.</summary>
    public static async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO outbox (merchant_id, invoice_id, recipient, purpose, channel, payload, dedupe_key, status,
                attempts, next_attempt_at, created_at, updated_at)
            VALUES (@MerchantId, @InvoiceId, @Recipient, @Purpose, @Channel, @Payload, @DedupeKey, 'PENDING',
                0, @NextAttemptAt, @CreatedAt, @CreatedAt)
            ON CONFLICT (dedupe_key) DO NOTHING
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, entry, transaction, cancellationToken: ct)) == 1;
    }

    public static string Serialize(OutboundMessage message) => JsonSerializer.Serialize(message, Json);

    public static OutboundMessage Deserialize(string payload) =>
        JsonSerializer.Deserialize<OutboundMessage>(payload, Json) ?? throw new JsonException("Empty outbox payload");

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT id, merchant_id, invoice_id, recipient, purpose, channel, payload, dedupe_key, status, attempts,
                next_attempt_at, provider, provider_message_id, last_error, created_at, sent_at
            FROM outbox ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OutboxEntry>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
