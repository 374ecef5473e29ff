using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.C2b;

/// <summary>
/// Paybill/Till confirmations waiting to be verified. Every change is a conditional update from
/// RECEIVED (or UNVERIFIED, for a late answer), so concurrent or replayed results act once.
/// </summary>
public sealed class C2bConfirmationRepository(Db db)
{
    private const string Columns = """
        id, trans_id, amount_cents, short_code, account, payer, raw, status, reason, payment_id,
        query_attempts, next_query_at, received_at, updated_at
        """;

    /// <summary>Stores a confirmation; null when that receipt was already received.</summary>
    public static Task<long?> TryInsertAsync(DbConnection c, DbTransaction t, C2bConfirmation confirmation, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO c2b_confirmations (trans_id, amount_cents, short_code, account, payer, raw, status, reason,
                next_query_at, received_at, updated_at)
            VALUES (@TransId, @AmountCents, @ShortCode, @Account, @Payer, @Raw, @Status, @Reason, @NextQueryAt, @ReceivedAt, @ReceivedAt)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;
        return c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, confirmation, t, cancellationToken: ct));
    }

    /// <summary>RECEIVED/UNVERIFIED → VERIFIED; false when another result got there first or it was rejected.</summary>
    public static async Task<bool> MarkVerifiedAsync(DbConnection c, DbTransaction t, long id, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE c2b_confirmations SET status = 'VERIFIED', reason = NULL, next_query_at = NULL, updated_at = @now
            WHERE id = @id AND status IN ('RECEIVED', 'UNVERIFIED')
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, now }, t, cancellationToken: ct)) == 1;
    }

    public static Task AttachPaymentAsync(DbConnection c, DbTransaction t, long id, long paymentId, CancellationToken ct)
    {
        const string sql = "UPDATE c2b_confirmations SET payment_id = @paymentId WHERE id = @id AND status = 'VERIFIED'";
        return c.ExecuteAsync(new CommandDefinition(sql, new { id, paymentId }, t, cancellationToken: ct));
    }

    /// <summary>RECEIVED/UNVERIFIED → REJECTED with the reason; false when it was already final.</summary>
    public static async Task<bool> MarkRejectedAsync(DbConnection c, DbTransaction t, long id, string reason, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE c2b_confirmations SET status = 'REJECTED', reason = @reason, next_query_at = NULL, updated_at = @now
            WHERE id = @id AND status IN ('RECEIVED', 'UNVERIFIED')
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, reason, now }, t, cancellationToken: ct)) == 1;
    }

    /// <summary>Asks again at <paramref name="at"/> (a queue time-out, or a query Daraja did not accept).</summary>
    public async Task ScheduleQueryAsync(long id, DateTimeOffset at, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE c2b_confirmations SET next_query_at = @at, updated_at = @now WHERE id = @id AND status = 'RECEIVED'";
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql, new { id, at, now }, cancellationToken: ct));
    }

    /// <summary>
    /// Claims confirmations due a status query; the claim moves their next query to
    /// <paramref name="claimUntil"/> (the re-ask time when no result comes), so other instances skip them.
    /// </summary>
    public async Task<IReadOnlyList<C2bConfirmation>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken ct)
    {
        var sql = $"""
            UPDATE c2b_confirmations SET next_query_at = @claimUntil, query_attempts = query_attempts + 1, updated_at = @now
            WHERE id IN (SELECT id FROM c2b_confirmations
                         WHERE status = 'RECEIVED' AND next_query_at IS NOT NULL AND next_query_at <= @now
                         ORDER BY next_query_at LIMIT @limit {db.ForUpdateSkipLocked})
            RETURNING {Columns}
            """;
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<C2bConfirmation>(new CommandDefinition(sql, new { now, claimUntil, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>RECEIVED for longer than allowed → UNVERIFIED: a person has to look. Returns their ids.</summary>
    public async Task<IReadOnlyList<long>> ExpireToUnverifiedAsync(DateTimeOffset receivedBefore, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE c2b_confirmations SET status = 'UNVERIFIED', reason = 'no answer from Transaction Status', next_query_at = NULL, updated_at = @now
            WHERE status = 'RECEIVED' AND received_at < @receivedBefore
            RETURNING id
            """;
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<long>(new CommandDefinition(sql, new { receivedBefore, now }, cancellationToken: ct))).AsList();
    }

    /// <summary>RECEIVED → UNVERIFIED at once, with why nobody can ask about it (a merchant's own Paybill saved without an initiator).</summary>
    public async Task MarkUnverifiableAsync(long id, string reason, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE c2b_confirmations SET status = 'UNVERIFIED', reason = @reason, next_query_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'RECEIVED'
            """;
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql, new { id, reason, now }, cancellationToken: ct));
    }

    /// <summary>Records the token of one status query, so its result URL leads back to this confirmation.</summary>
    public async Task AddQueryAsync(string token, long confirmationId, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "INSERT INTO c2b_status_queries (token, confirmation_id, sent_at) VALUES (@token, @confirmationId, @now)";
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql, new { token, confirmationId, now }, cancellationToken: ct));
    }

    /// <summary>The confirmation one status query was about.</summary>
    public static Task<C2bConfirmation?> FindByQueryTokenAsync(DbConnection c, DbTransaction? t, string token, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM c2b_confirmations
            WHERE id = (SELECT confirmation_id FROM c2b_status_queries WHERE token = @token)
            """;
        return c.QuerySingleOrDefaultAsync<C2bConfirmation>(new CommandDefinition(sql, new { token }, t, cancellationToken: ct));
    }

    public async Task<C2bConfirmation?> FindByQueryTokenAsync(string token, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await FindByQueryTokenAsync(c, null, token, ct);
    }

    public async Task<IReadOnlyList<C2bConfirmation>> ListAsync(CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM c2b_confirmations ORDER BY id";
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<C2bConfirmation>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
