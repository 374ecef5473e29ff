using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Payments;

/// <summary>One line of a merchant's payments page: the payment, the invoice it paid (if any) and, for Paybill, what was typed.</summary>
public sealed record MerchantPaymentRow
{
    public long Id { get; init; }
    public required PaymentMethod Method { get; init; }
    public required PaymentStatus Status { get; init; }
    public long AmountCents { get; init; }
    public Money Amount => Money.FromCents(AmountCents);
    public string? MpesaReceipt { get; init; }
    public string? InvoiceNumber { get; init; }

    /// <summary>The account a Paybill payer typed; null for M-PESA prompts.</summary>
    public string? Account { get; init; }

    /// <summary>First name or masked number of a Paybill payer.</summary>
    public string? Payer { get; init; }
    public string? AppliedBy { get; init; }
    public DateTimeOffset? AppliedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>Received money that is on no invoice yet.</summary>
    public bool IsUnapplied => InvoiceNumber is null && Status == PaymentStatus.Success;
}

/// <summary>
/// A merchant's payments: those on its invoices, and Paybill money held for it because it matched no invoice.
/// Every statement names the merchant, so another merchant's payment id answers like a missing one.
/// </summary>
public sealed class MerchantPayments(Db db)
{
    private const string Select = """
        SELECT p.id, p.method, p.status, p.amount_cents, p.mpesa_receipt, i.number AS invoice_number, c.account, c.payer,
               p.applied_by, p.applied_at, p.created_at, p.settled_at
        FROM payments p
        LEFT JOIN invoices i ON i.id = p.invoice_id
        LEFT JOIN c2b_confirmations c ON c.payment_id = p.id
        """;

    /// <summary>A payment <c>p</c> (with its invoice <c>i</c> left-joined) is the merchant's: on its invoice, or held for it.</summary>
    internal const string OfMerchant = "(i.merchant_id = @merchantId OR (p.invoice_id IS NULL AND p.held_for_merchant_id = @merchantId))";

    /// <summary>Newest first; <paramref name="unappliedOnly"/> keeps the received money that is on no invoice.</summary>
    public async Task<(IReadOnlyList<MerchantPaymentRow> Page, long Total)> ListAsync(long merchantId, bool unappliedOnly, int offset, int limit,
        CancellationToken ct)
    {
        var filter = unappliedOnly ? " AND p.invoice_id IS NULL AND p.status = 'SUCCESS'" : "";
        var args = new { merchantId, offset, limit };
        await using var connection = await db.OpenAsync(ct);
        var page = await connection.QueryAsync<MerchantPaymentRow>(new CommandDefinition(
            $"{Select} WHERE {OfMerchant}{filter} ORDER BY p.id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id WHERE {OfMerchant}{filter}", args, cancellationToken: ct));
        return (page.AsList(), total);
    }

    public static Task<MerchantPaymentRow?> GetAsync(DbConnection connection, DbTransaction? transaction, long merchantId, long id,
        CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<MerchantPaymentRow>(new CommandDefinition(
            $"{Select} WHERE p.id = @id AND {OfMerchant}", new { merchantId, id }, transaction, cancellationToken: ct));

    /// <summary>The merchant whose code starts <paramref name="accountKey"/> (codes are prefix-free, so at most one).</summary>
    public static Task<long?> OwnerByCodeAsync(DbConnection connection, DbTransaction transaction, string accountKey, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM merchants WHERE code IS NOT NULL AND code <> '' AND @accountKey LIKE code || '%'",
            new { accountKey }, transaction, cancellationToken: ct));

    /// <summary>Holds unapplied money for a merchant; once only.</summary>
    public static Task HoldForAsync(DbConnection connection, DbTransaction transaction, long paymentId, long merchantId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE payments SET held_for_merchant_id = @merchantId WHERE id = @paymentId AND invoice_id IS NULL AND held_for_merchant_id IS NULL",
            new { paymentId, merchantId }, transaction, cancellationToken: ct));

    /// <summary>
    /// Puts money held for the merchant onto one of its invoices, recording who did it. A conditional update: of two
    /// people (or two presses) applying the same payment, one does and the other finds nothing to apply.
    /// </summary>
    public static async Task<bool> TryApplyAsync(DbConnection connection, DbTransaction transaction, long merchantId, long paymentId,
        string invoiceId, string appliedBy, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE payments SET invoice_id = @invoiceId, applied_by = @appliedBy, applied_at = @now, updated_at = @now
            WHERE id = @paymentId AND invoice_id IS NULL AND status = 'SUCCESS' AND held_for_merchant_id = @merchantId
              AND EXISTS (SELECT 1 FROM invoices WHERE id = @invoiceId AND merchant_id = @merchantId)
            """, new { merchantId, paymentId, invoiceId, appliedBy, now }, transaction, cancellationToken: ct)) == 1;
}
