using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Data.Reminders;

/// <summary>
/// The SQL behind automatic reminders and expiry. Every write is a claim that only one caller can
/// win, so any number of instances may run the scheduler over the same database.
/// </summary>
public sealed class ReminderRepository(Db db)
{
    // Reminders only go to invoices the customer has received and still owes on.
    private const string Remindable = "status IN ('SENT', 'PARTIALLY_PAID', 'EXPIRED')";

    /// <summary>
    /// Invoices whose expiry lies in (<paramref name="expiresAfter"/>, <paramref name="expiresBy"/>]
    /// and that have not had <paramref name="step"/> yet, with reminders on for invoice and merchant.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListDueAsync(string step, DateTimeOffset expiresBy, DateTimeOffset expiresAfter,
        int limit, CancellationToken ct)
    {
        const string sql = $"""
            SELECT i.id FROM invoices i
            JOIN merchants m ON m.id = i.merchant_id
            WHERE i.{Remindable}
              AND i.reminders_enabled = @on AND m.reminders_enabled = @on AND m.status = @active
              AND i.expires_at <= @expiresBy AND i.expires_at > @expiresAfter
              AND NOT EXISTS (SELECT 1 FROM reminder_runs r WHERE r.invoice_id = i.id AND r.step = @step)
            ORDER BY i.expires_at, i.id
            LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(sql,
            new { step, expiresBy, expiresAfter, limit, on = true, active = Merchants.MerchantStatus.Active }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>
    /// Locks the invoice if it still wants a reminder. Another instance holding the row (reminding it,
    /// or a payment settling it) makes this return null rather than wait: the next tick looks again.
    /// </summary>
    public async Task<Invoice?> LockRemindableAsync(DbConnection c, DbTransaction t, string id, CancellationToken ct)
    {
        var sql = $"""
            SELECT {InvoiceRepository.Columns} FROM invoices
            WHERE id = @id AND {Remindable} AND reminders_enabled = @on
              AND EXISTS (SELECT 1 FROM merchants m WHERE m.id = invoices.merchant_id AND m.reminders_enabled = @on AND m.status = @active)
            {db.ForUpdateSkipLocked}
            """;
        return await c.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { id, on = true, active = Merchants.MerchantStatus.Active },
            t, cancellationToken: ct));
    }

    /// <summary>Records that <paramref name="step"/> was taken; false when someone already took it.</summary>
    public static async Task<bool> ClaimStepAsync(DbConnection c, DbTransaction t, string invoiceId, string step, DateTimeOffset now,
        CancellationToken ct)
    {
        const string sql = """
            INSERT INTO reminder_runs (invoice_id, step, created_at) VALUES (@invoiceId, @step, @now)
            ON CONFLICT (invoice_id, step) DO NOTHING
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { invoiceId, step, now }, t, cancellationToken: ct)) == 1;
    }

    /// <summary>Moves unpaid invoices past their pay window to EXPIRED, a batch at a time; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> ExpireDueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        // The inner claim lets instances take disjoint batches; the outer WHERE keeps it a conditional update.
        var sql = $"""
            UPDATE invoices SET status = 'EXPIRED', updated_at = @now
            WHERE id IN (
                SELECT id FROM invoices
                WHERE status IN ('PENDING', 'SENT', 'FAILED') AND amount_paid_cents = 0 AND expires_at <= @now
                ORDER BY expires_at
                LIMIT @limit
                {db.ForUpdateSkipLocked})
              AND status IN ('PENDING', 'SENT', 'FAILED') AND amount_paid_cents = 0
            RETURNING id
            """;
        return await db.InTransactionAsync(async (c, t) =>
        {
            var expired = (await c.QueryAsync<string>(new CommandDefinition(sql, new { now, limit }, t, cancellationToken: ct))).AsList();
            foreach (var id in expired)
                await EventRepository.AddAsync(c, t, EventTypes.InvoiceExpired, now, id, status: InvoiceStatus.Expired.Value, ct: ct);
            return (IReadOnlyList<string>)expired;
        }, ct);
    }

    /// <summary>Switches automatic reminders for one invoice; false when the merchant has no such invoice.</summary>
    public static async Task<bool> SetInvoiceRemindersAsync(DbConnection c, DbTransaction t, long merchantId, string number, bool enabled,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE invoices SET reminders_enabled = @enabled, updated_at = @now WHERE merchant_id = @merchantId AND number = @number
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { merchantId, number, enabled, now }, t, cancellationToken: ct)) == 1;
    }

    public static async Task SetMerchantRemindersAsync(DbConnection c, DbTransaction t, long merchantId, bool enabled, DateTimeOffset now,
        CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET reminders_enabled = @enabled, updated_at = @now WHERE id = @merchantId";
        await c.ExecuteAsync(new CommandDefinition(sql, new { merchantId, enabled, now }, t, cancellationToken: ct));
    }
}
