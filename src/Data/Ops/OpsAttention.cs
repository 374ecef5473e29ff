using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Ops;

/// <summary>What needs the operator across every merchant, counted in one statement.</summary>
public sealed record OpsAttention
{
    public long PendingMerchants { get; init; }
    public long DeadLetters { get; init; }

    /// <summary>Payments in NEEDS_REVIEW that nobody has marked resolved.</summary>
    public long PaymentsInReview { get; init; }

    /// <summary>Unreadable provider bodies that nobody has marked resolved.</summary>
    public long ReviewItems { get; init; }

    /// <summary>B2C payouts that failed and that nobody has retried: a person decides.</summary>
    public long FailedPayouts { get; init; }

    /// <summary>Messages waiting to be sent or being sent.</summary>
    public long OutboxDepth { get; init; }
    public DateTimeOffset? OldestQueuedAt { get; init; }
}

public sealed class OpsAttentionRepository(Db db)
{
    public async Task<OpsAttention> ReadAsync(CancellationToken ct)
    {
        // The outbox figures as the depth gauge counts them (OutboxGaugeWorker): written as OR for its two partial indexes.
        const string sql = """
            SELECT
              (SELECT count(*) FROM merchants WHERE status = 'PENDING') AS pending_merchants,
              (SELECT count(*) FROM outbox WHERE status = 'DEAD') AS dead_letters,
              (SELECT count(*) FROM payments WHERE status = 'NEEDS_REVIEW' AND review_resolved_at IS NULL) AS payments_in_review,
              (SELECT count(*) FROM review_items WHERE resolved_at IS NULL) AS review_items,
              (SELECT count(*) FROM payouts p WHERE p.status = 'failed'
                 AND NOT EXISTS (SELECT 1 FROM payouts r WHERE r.retry_of = p.id)) AS failed_payouts,
              (SELECT count(*) FROM outbox WHERE status = 'PENDING' OR status = 'SENDING') AS outbox_depth,
              (SELECT min(created_at) FROM outbox WHERE status = 'PENDING' OR status = 'SENDING') AS oldest_queued_at
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<OpsAttention>(new CommandDefinition(sql, cancellationToken: ct));
    }
}
