using System.Data.Common;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Outbox;

public sealed class OutboxRepository(Db db)
{
    internal const string Columns = """
        id, merchant_id, invoice_id, recipient, purpose, channel, payload, dedupe_key, status, attempts,
        next_attempt_at, virtual_at, provider, provider_message_id, tried_providers, send_started_at, locked_until, last_error, created_at, sent_at,
        business_number_id
        """;

    /// <summary>
    /// How far apart a merchant's queued messages are placed in virtual time: a share of 10 per second,
    /// the slowest provider's default pace. A merchant queuing faster than that yields to those who do not,
    /// whichever provider carries the messages; a smaller turn (WhatsApp's 1/80 s) would let a burst fall
    /// behind real time whenever sends drain slower than 80/s (SMS, a slow provider), and then a newcomer
    /// waits behind the part of the burst that is "overdue".
    /// </summary>
    public static readonly TimeSpan MerchantTurn = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Queues a message in the caller's transaction; a repeated dedupe key queues nothing. Its virtual send
    /// time is one <see cref="MerchantTurn"/> after its merchant's latest pending message, or its due time when
    /// that is later (no backlog, or no merchant). A message queued without a number goes from the own WhatsApp number of its
    /// merchant (or its invoice's merchant: a receipt to the payer) when that merchant has one. Two transactions queuing for one merchant at once may
    /// give their rows the same virtual time: the claim then takes them in id order, as it would any tie.
    /// ORDER BY … LIMIT 1 rather than MAX(…): inside the CASE, PostgreSQL aggregated every pending row of the
    /// merchant (4,000 of a burst: 187 buffers, 1 ms) instead of one backward index probe (3 buffers, 0.07 ms).
    /// </summary>
    public static async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO outbox (merchant_id, invoice_id, recipient, purpose, channel, payload, dedupe_key, status,
                attempts, next_attempt_at, virtual_at, created_at, updated_at, business_number_id)
            VALUES (@MerchantId, @InvoiceId, @Recipient, @Purpose, @Channel, @Payload, @DedupeKey, 'PENDING',
                0, @NextAttemptAt,
                COALESCE((SELECT CASE WHEN o.virtual_at + @turn > @due THEN o.virtual_at + @turn ELSE @due END
                          FROM outbox o WHERE o.merchant_id = @MerchantId AND o.status = 'PENDING'
                          ORDER BY o.virtual_at DESC LIMIT 1), @due),
                @CreatedAt, @CreatedAt,
                COALESCE(@BusinessNumberId, (SELECT w.phone_number_id FROM merchant_whatsapp w
                    WHERE w.merchant_id = COALESCE(@MerchantId, (SELECT i.merchant_id FROM invoices i WHERE i.id = @InvoiceId)))))
            ON CONFLICT (dedupe_key) DO NOTHING
            """;
        var parameters = new DynamicParameters(entry);
        parameters.Add("due", VirtualTime.Of(entry.NextAttemptAt));
        parameters.Add("turn", VirtualTime.Span(MerchantTurn));
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct)) == 1;
    }

    /// <param name="fromNumber">A WhatsApp report's business number: only a row sent from it matches (rows without one are
    /// the shared number's, when <paramref name="shared"/>). Null: any row with the id (an SMS provider's report).</param>
    public static async Task<OutboxEntry?> FindByProviderMessageIdAsync(DbConnection connection, DbTransaction? transaction,
        string providerMessageId, CancellationToken ct, string? fromNumber = null, bool shared = true)
    {
        const string sql = $"""
            SELECT {Columns} FROM outbox WHERE provider_message_id = @providerMessageId
              AND (@fromNumber IS NULL OR business_number_id = @fromNumber OR (business_number_id IS NULL AND @shared))
            ORDER BY id DESC LIMIT 1
            """;
        return await connection.QuerySingleOrDefaultAsync<OutboxEntry>(
            new CommandDefinition(sql, new { providerMessageId, fromNumber, shared }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// Moves a sent message's status forward only: SENT → DELIVERED → READ, and FAILED only from
    /// SENT (a message already delivered did not fail). False when the report changes nothing.
    /// </summary>
    public static async Task<bool> AdvanceStatusAsync(DbConnection connection, DbTransaction transaction, long id, OutboxStatus status,
        string? errorCode, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = @status, updated_at = @now,
                last_error = CASE WHEN @status = 'FAILED' THEN @errorCode ELSE last_error END
            WHERE id = @id AND (
                (@status = 'DELIVERED' AND status = 'SENT') OR
                (@status = 'READ' AND status IN ('SENT', 'DELIVERED')) OR
                (@status = 'FAILED' AND status = 'SENT'))
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, status, errorCode, now }, transaction, cancellationToken: ct)) == 1;
    }

    public static string Serialize(OutboundMessage message) => JsonSerializer.Serialize(message, Json);

    public static OutboundMessage Deserialize(string payload) =>
        JsonSerializer.Deserialize<OutboundMessage>(payload, Json) ?? throw new JsonException("Empty outbox payload");

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM outbox ORDER BY id";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OutboxEntry>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
