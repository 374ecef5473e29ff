using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Dashboard;

/// <summary>What a merchant should look at now, counted in one statement scoped by the merchant.</summary>
public sealed record Attention
{
    /// <summary>Unpaid and past the day they could be paid by.</summary>
    public long Overdue { get; init; }

    /// <summary>Invoices that could not be delivered on any channel.</summary>
    public long FailedDeliveries { get; init; }

    /// <summary>Payments whose outcome M-PESA has not made clear and no operator has resolved yet.</summary>
    public long PaymentsInReview { get; init; }

    /// <summary>Paybill payments held for the merchant because what the payer typed matched no invoice.</summary>
    public long UnappliedPaybill { get; init; }

    public bool IsEmpty => Overdue == 0 && FailedDeliveries == 0 && PaymentsInReview == 0 && UnappliedPaybill == 0;
}

public sealed class AttentionRepository(Db db)
{
    public async Task<Attention> ForMerchantAsync(long merchantId, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            SELECT
              (SELECT count(*) FROM invoices WHERE merchant_id = @merchantId
                 AND (status = 'EXPIRED' OR (status IN ('PENDING', 'SENT', 'PARTIALLY_PAID') AND expires_at <= @now))) AS overdue,
              (SELECT count(*) FROM invoices WHERE merchant_id = @merchantId AND status = 'FAILED') AS failed_deliveries,
              (SELECT count(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id
                 WHERE i.merchant_id = @merchantId AND p.status = 'NEEDS_REVIEW' AND p.review_resolved_at IS NULL) AS payments_in_review,
              (SELECT count(*) FROM payments WHERE held_for_merchant_id = @merchantId
                 AND invoice_id IS NULL AND status = 'SUCCESS') AS unapplied_paybill
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<Attention>(new CommandDefinition(sql, new { merchantId, now }, cancellationToken: ct));
    }
}
