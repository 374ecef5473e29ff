using System.Data.Common;
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
    /// Returns how many invoices were pseudonymized.
    /// </summary>
    public Task<int> EraseCustomerAsync(string msisdn, string pseudonym, DateTimeOffset now, CancellationToken ct) => db.InTransactionAsync(async (c, t) =>
    {
        var args = new { msisdn, pseudonym, now };
        const string payments = """
            UPDATE payments SET msisdn = NULL, raw_callback = NULL, updated_at = @now
            WHERE msisdn = @msisdn OR invoice_id IN (SELECT id FROM invoices WHERE msisdn = @msisdn)
            """;
        await Run(c, t, payments, args, ct);
        const string invoices = "UPDATE invoices SET msisdn = @pseudonym, customer_name = NULL, updated_at = @now WHERE msisdn = @msisdn";
        var erased = await Run(c, t, invoices, args, ct);
        // The CHECK on customers.msisdn admits only real numbers, so the row keeps no name and the
        // number stays only as the key invoices point at (see docs/RELIABILITY.md, Retention).
        await Run(c, t, "UPDATE customers SET name = NULL, updated_at = @now WHERE msisdn = @msisdn", args, ct);
        await Run(c, t, "DELETE FROM conversations WHERE participant = @msisdn", args, ct);
        // A status or callback event names the number only inside its payload; an operator command may scan.
        const string inbox = """
            DELETE FROM inbox WHERE status <> 'PENDING' AND (conversation_key = @chatKey OR payload LIKE '%' || @msisdn || '%')
            """;
        await c.ExecuteAsync(new CommandDefinition(inbox, new { msisdn, chatKey = "chat:" + msisdn }, t, cancellationToken: ct));
        // Nothing more is sent to someone who asked to be forgotten; a send already in flight is left to finish.
        const string outbox = """
            UPDATE outbox SET recipient = @pseudonym, payload = '{}',
                status = CASE WHEN status = 'PENDING' THEN 'DEAD' ELSE status END, updated_at = @now
            WHERE recipient = @msisdn AND status <> 'SENDING'
            """;
        await Run(c, t, outbox, args, ct);
        return erased;
    }, ct);

    private static Task<int> Run(DbConnection c, DbTransaction t, string sql, object args, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(sql, args, t, cancellationToken: ct));
}
