using System.Data.Common;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Retention;

/// <summary>
/// Chat data past its retention and one customer's personal data on request. Invoices and payments
/// stay (tax records); only the personal fields on them are replaced.
/// </summary>
public sealed class RetentionRepository(Db db)
{
    private const string LeaseKey = "retention:lease";

    /// <summary>Takes the daily run for this instance; false when another instance holds it (several instances, one run).</summary>
    public async Task<bool> TryLeaseAsync(string holder, DateTimeOffset now, TimeSpan length, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO settings (key, value, expires_at, updated_at) VALUES (@LeaseKey, @holder, @until, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at
            WHERE settings.expires_at IS NULL OR settings.expires_at <= @now
            RETURNING key
            """;
        await using var connection = await db.OpenAsync(ct);
        var taken = await connection.QueryAsync<string>(new CommandDefinition(sql, new { LeaseKey, holder, until = now + length, now }, cancellationToken: ct));
        return taken.Any();
    }

    /// <summary>Deletes handled inbox events, finished outbox rows, conversations and message metadata older than <paramref name="cutoff"/>.</summary>
    public Task<RetentionCounts> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct) => db.InTransactionAsync(async (c, t) =>
    {
        const string inbox = "DELETE FROM inbox WHERE received_at < @cutoff AND status <> 'PENDING'";
        const string outbox = "DELETE FROM outbox WHERE created_at < @cutoff AND status NOT IN ('PENDING', 'SENDING')";
        const string conversations = "DELETE FROM conversations WHERE updated_at < @cutoff";
        const string messageLog = "DELETE FROM message_log WHERE created_at < @cutoff";
        return new RetentionCounts(
            await Run(c, t, inbox, new { cutoff }, ct),
            await Run(c, t, outbox, new { cutoff }, ct),
            await Run(c, t, conversations, new { cutoff }, ct),
            await Run(c, t, messageLog, new { cutoff }, ct));
    }, ct);

    /// <summary>
    /// Removes one customer's personal data everywhere it is kept; invoices and payments stay with
    /// <paramref name="pseudonym"/> in place of the number and no name, payer number or raw callback.
    /// Returns how many invoices were pseudonymized; a second erasure of the same number finds nothing.
    /// </summary>
    public Task<int> EraseCustomerAsync(string msisdn, string pseudonym, DateTimeOffset now, CancellationToken ct) => db.InTransactionAsync(async (c, t) =>
    {
        var args = new { msisdn, pseudonym, now };
        const string names = """
            SELECT name FROM customers WHERE msisdn = @msisdn AND name IS NOT NULL
            UNION SELECT customer_name FROM invoices WHERE msisdn = @msisdn AND customer_name IS NOT NULL
            """;
        // Payloads are JSON: a name with letters outside ASCII is stored escaped (Wanjik\u0169).
        var known = (await c.QueryAsync<string>(new CommandDefinition(names, args, t, cancellationToken: ct)))
            .SelectMany(n => new[] { n, JsonSerializer.Serialize(n)[1..^1] }).Distinct().ToList();

        // Messages about the customer (to them, or to the merchant naming them or their invoices) lose
        // their text; unsent ones are dropped. A send already in flight is left to finish.
        var mentions = string.Join(" OR ", known.Select((_, i) => $"payload LIKE @name{i} ESCAPE '!'"));
        var outbox = $$"""
            UPDATE outbox SET payload = '{}', status = CASE WHEN status = 'PENDING' THEN 'DEAD' ELSE status END,
                recipient = CASE WHEN recipient = @msisdn THEN @pseudonym ELSE recipient END, updated_at = @now
            WHERE status <> 'SENDING' AND (recipient = @msisdn OR payload LIKE @anyNumber OR payload LIKE @anyLocal
                OR invoice_id IN (SELECT id FROM invoices WHERE msisdn = @msisdn){{(known.Count > 0 ? " OR " + mentions : "")}})
            """;
        var outboxArgs = new DynamicParameters(args);
        outboxArgs.Add("anyNumber", "%" + msisdn + "%");
        outboxArgs.Add("anyLocal", "%0" + msisdn[3..] + "%");
        for (var i = 0; i < known.Count; i++) outboxArgs.Add("name" + i, "%" + LikeLiteral(known[i]) + "%");
        await c.ExecuteAsync(new CommandDefinition(outbox, outboxArgs, t, cancellationToken: ct));

        const string payments = """
            UPDATE payments SET msisdn = NULL, raw_callback = NULL, updated_at = @now
            WHERE msisdn = @msisdn OR invoice_id IN (SELECT id FROM invoices WHERE msisdn = @msisdn)
            """;
        await Run(c, t, payments, args, ct);
        const string invoices = "UPDATE invoices SET msisdn = @pseudonym, customer_name = NULL, updated_at = @now WHERE msisdn = @msisdn";
        var erased = await Run(c, t, invoices, args, ct);

        // The number came back after an earlier erasure: its new invoices join the erased row, so
        // (merchant, pseudonym) stays unique and the customer's invoices still group together.
        const string merge = """
            UPDATE invoices SET customer_id = (
                SELECT e.id FROM customers e WHERE e.merchant_id = invoices.merchant_id AND e.msisdn = @pseudonym)
            WHERE customer_id IN (SELECT id FROM customers WHERE msisdn = @msisdn)
              AND EXISTS (SELECT 1 FROM customers e WHERE e.merchant_id = invoices.merchant_id AND e.msisdn = @pseudonym)
            """;
        await Run(c, t, merge, args, ct);
        const string dropMerged = """
            DELETE FROM customers WHERE msisdn = @msisdn
              AND EXISTS (SELECT 1 FROM customers e WHERE e.merchant_id = customers.merchant_id AND e.msisdn = @pseudonym)
            """;
        await Run(c, t, dropMerged, args, ct);
        await Run(c, t, "UPDATE customers SET msisdn = @pseudonym, name = NULL, updated_at = @now WHERE msisdn = @msisdn", args, ct);

        await Run(c, t, "DELETE FROM conversations WHERE participant = @msisdn", args, ct);
        // A question waiting in a merchant's chat ("which Jane?", "rename?", "send again?") holds the number: it is dropped.
        await c.ExecuteAsync(new CommandDefinition("UPDATE conversations SET chat_context = NULL WHERE chat_context LIKE @anyNumber",
            new { anyNumber = "%" + msisdn + "%" }, t, cancellationToken: ct));
        // A status or callback event names the number only inside its payload; an operator command may scan.
        const string inbox = """
            DELETE FROM inbox WHERE status <> 'PENDING' AND (conversation_key = @chatKey OR payload LIKE @anyNumber)
            """;
        await c.ExecuteAsync(new CommandDefinition(inbox, new { chatKey = "chat:" + msisdn, anyNumber = "%" + msisdn + "%" }, t, cancellationToken: ct));
        return erased;
    }, ct);

    private static string LikeLiteral(string text) => text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_");

    private static Task<int> Run(DbConnection c, DbTransaction t, string sql, object args, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(sql, args, t, cancellationToken: ct));
}
