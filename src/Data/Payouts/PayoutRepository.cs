using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Data.Payouts;

/// <summary>
/// B2C payouts (migration 0023). Every change is a forward-only conditional update on the status, so concurrent or
/// repeated results act once; each statement on one merchant's payouts names the merchant.
/// </summary>
public sealed class PayoutRepository(Db db)
{
    public const string ScheduleActor = "schedule";

    private const string Columns = """
        id, merchant_id, amount_cents, phone, status, originator_conversation_id, payout_day, retry_of, conversation_id, receipt,
        result_code, result_description, send_attempts, status_queries, next_check_at, created_by, created_at, sent_at, finished_at, updated_at
        """;

    /// <summary>A new OriginatorConversationID: <c>po-</c> and 12 random hex digits (15 characters; Daraja wants under 20).</summary>
    public static string NewOriginatorConversationId() => "po-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>What the merchant's payouts on their way hold back: pending, sending and sent, not yet paid nor failed.</summary>
    public static Task<long> InFlightAsync(DbConnection c, DbTransaction? t, long merchantId, CancellationToken ct)
    {
        const string sql = """
            SELECT COALESCE(SUM(amount_cents), 0) FROM payouts
            WHERE merchant_id = @merchantId AND status IN ('pending', 'sending', 'sent')
            """;
        return c.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { merchantId }, t, cancellationToken: ct));
    }

    /// <summary>Collection-route merchants that are active and have no scheduled payout for <paramref name="day"/> yet.</summary>
    public static async Task<IReadOnlyList<long>> UnpaidForDayAsync(DbConnection c, string day, CancellationToken ct)
    {
        const string sql = """
            SELECT m.id FROM merchants m
            WHERE m.pay_route = 'COLLECTION' AND m.status = 'ACTIVE'
              AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.merchant_id = m.id AND p.payout_day = @day)
            ORDER BY m.id
            """;
        return (await c.QueryAsync<long>(new CommandDefinition(sql, new { day }, cancellationToken: ct))).AsList();
    }

    /// <summary>Records a payout as pending, due now; null when the merchant already has the payout of that day.</summary>
    public static Task<Payout?> TryRecordAsync(DbConnection c, DbTransaction t, long merchantId, long amountCents, string phone, string? payoutDay,
        long? retryOf, string createdBy, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO payouts (merchant_id, amount_cents, phone, status, originator_conversation_id, payout_day, retry_of, next_check_at,
                created_by, created_at, updated_at)
            VALUES (@merchantId, @amountCents, @phone, 'pending', @ocid, @payoutDay, @retryOf, @now, @createdBy, @now, @now)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """;
        return c.QuerySingleOrDefaultAsync<Payout>(new CommandDefinition(sql,
            new { merchantId, amountCents, phone, ocid = NewOriginatorConversationId(), payoutDay, retryOf, createdBy, now }, t, cancellationToken: ct));
    }

    /// <summary>
    /// Claims payouts to send: pending ones, and ones left sending past their lease (the process died before or during the
    /// POST, or it had no answer) fewer than <paramref name="maxAttempts"/> times. They are sent with the same
    /// OriginatorConversationID, so Daraja pays at most once.
    /// </summary>
    public async Task<IReadOnlyList<Payout>> ClaimSendsAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, int limit, CancellationToken ct)
    {
        var sql = $"""
            UPDATE payouts SET status = 'sending', send_attempts = send_attempts + 1, next_check_at = @leaseUntil, updated_at = @now
            WHERE id IN (SELECT id FROM payouts
                         WHERE (status = 'pending' OR (status = 'sending' AND send_attempts < @maxAttempts)) AND next_check_at <= @now
                         ORDER BY next_check_at LIMIT @limit {db.ForUpdateSkipLocked})
              AND (status = 'pending' OR (status = 'sending' AND send_attempts < @maxAttempts))
            RETURNING {Columns}
            """;
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Payout>(new CommandDefinition(sql, new { now, leaseUntil, maxAttempts, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Claims payouts whose result is overdue (sent, or sending as often as allowed) for a Transaction Status query; the
    /// claim moves their next check to <paramref name="nextCheck"/>.
    /// </summary>
    public async Task<IReadOnlyList<Payout>> ClaimStatusChecksAsync(DateTimeOffset now, DateTimeOffset nextCheck, int maxAttempts, int limit,
        CancellationToken ct)
    {
        var sql = $"""
            UPDATE payouts SET status_queries = status_queries + 1, next_check_at = @nextCheck, updated_at = @now
            WHERE id IN (SELECT id FROM payouts
                         WHERE (status = 'sent' OR (status = 'sending' AND send_attempts >= @maxAttempts)) AND next_check_at <= @now
                         ORDER BY next_check_at LIMIT @limit {db.ForUpdateSkipLocked})
              AND (status = 'sent' OR (status = 'sending' AND send_attempts >= @maxAttempts))
            RETURNING {Columns}
            """;
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Payout>(new CommandDefinition(sql, new { now, nextCheck, maxAttempts, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Remembers the hash of a URL token handed to Daraja for the payout.</summary>
    public async Task AddTokenAsync(string token, long payoutId, PayoutTokenPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "INSERT INTO payout_tokens (token_hash, payout_id, purpose, created_at) VALUES (@hash, @payoutId, @purpose, @now)";
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql,
            new { hash = SecureToken.Hash(token), payoutId, purpose = purpose.ToString().ToLowerInvariant(), now }, cancellationToken: ct));
    }

    /// <summary>The payout a URL token was handed out for, and what for; null for a token never issued.</summary>
    public async Task<(Payout Payout, PayoutTokenPurpose Purpose)?> FindByTokenAsync(string token, CancellationToken ct)
    {
        const string sql = "SELECT payout_id AS PayoutId, purpose AS Purpose FROM payout_tokens WHERE token_hash = @hash";
        await using var c = await db.OpenAsync(ct);
        var found = await c.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(sql, new { hash = SecureToken.Hash(token) }, cancellationToken: ct));
        if (found is null || await GetAsync(c, null, found.PayoutId, ct) is not { } payout) return null;
        return (payout, Enum.Parse<PayoutTokenPurpose>(found.Purpose, ignoreCase: true));
    }

    /// <summary>sending → sent: Daraja took the request (or had it already); its result is due by <paramref name="checkAt"/>.</summary>
    public async Task<bool> MarkSentAsync(long id, string? conversationId, DateTimeOffset checkAt, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payouts SET status = 'sent', conversation_id = COALESCE(@conversationId, conversation_id), sent_at = COALESCE(sent_at, @now),
                next_check_at = @checkAt, updated_at = @now
            WHERE id = @id AND status = 'sending'
            """;
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, conversationId, checkAt, now }, cancellationToken: ct)) == 1;
    }

    /// <summary>Brings the next check of an unfinished payout to <paramref name="at"/> (a queue time-out, say).</summary>
    public async Task ScheduleCheckAsync(long id, DateTimeOffset at, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE payouts SET next_check_at = @at, updated_at = @now WHERE id = @id AND status IN ('sending', 'sent')";
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql, new { id, at, now }, cancellationToken: ct));
    }

    /// <summary>sending/sent → paid with the receipt; null when another result got there first (or it had failed).</summary>
    public static Task<Payout?> TryMarkPaidAsync(DbConnection c, DbTransaction t, long id, string receipt, string? conversationId, string? description,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE payouts SET status = 'paid', receipt = @receipt, conversation_id = COALESCE(@conversationId, conversation_id),
                result_code = '0', result_description = @description, next_check_at = NULL, finished_at = @now, updated_at = @now
            WHERE id = @id AND status IN ('sending', 'sent')
            RETURNING {Columns}
            """;
        return c.QuerySingleOrDefaultAsync<Payout>(new CommandDefinition(sql, new { id, receipt, conversationId, description, now }, t,
            cancellationToken: ct));
    }

    /// <summary>pending/sending/sent → failed with the code and what it means; null when it had already finished.</summary>
    public async Task<Payout?> TryMarkFailedAsync(long id, string code, string description, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE payouts SET status = 'failed', result_code = @code, result_description = @description, next_check_at = NULL,
                finished_at = @now, updated_at = @now
            WHERE id = @id AND status IN ('pending', 'sending', 'sent')
            RETURNING {Columns}
            """;
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Payout>(new CommandDefinition(sql, new { id, code, description, now }, cancellationToken: ct));
    }

    public static Task<Payout?> GetAsync(DbConnection c, DbTransaction? t, long id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payouts WHERE id = @id";
        return c.QuerySingleOrDefaultAsync<Payout>(new CommandDefinition(sql, new { id }, t, cancellationToken: ct));
    }

    /// <summary>One of the merchant's payouts; another merchant's is as missing as one that never was.</summary>
    public static Task<Payout?> GetAsync(DbConnection c, DbTransaction? t, long merchantId, long id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payouts WHERE merchant_id = @merchantId AND id = @id";
        return c.QuerySingleOrDefaultAsync<Payout>(new CommandDefinition(sql, new { merchantId, id }, t, cancellationToken: ct));
    }

    /// <summary>The payout with this id, whoever's it is (the operator's retry); null when there is none.</summary>
    public async Task<Payout?> GetAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await GetAsync(c, null, id, ct);
    }

    /// <summary>The merchant's payouts newest first, those with an id below <paramref name="before"/> (0: from the newest).</summary>
    public static async Task<IReadOnlyList<Payout>> ListAsync(DbConnection c, DbTransaction? t, long merchantId, long before, int limit,
        CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM payouts
            WHERE merchant_id = @merchantId AND (@before = 0 OR id < @before)
            ORDER BY id DESC LIMIT @limit
            """;
        return (await c.QueryAsync<Payout>(new CommandDefinition(sql, new { merchantId, before, limit }, t, cancellationToken: ct))).AsList();
    }

    /// <summary>The merchant's payouts on their way (pending, sending, sent), oldest first.</summary>
    public static async Task<IReadOnlyList<Payout>> InFlightListAsync(DbConnection c, DbTransaction? t, long merchantId, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM payouts
            WHERE merchant_id = @merchantId AND status IN ('pending', 'sending', 'sent')
            ORDER BY id
            """;
        return (await c.QueryAsync<Payout>(new CommandDefinition(sql, new { merchantId }, t, cancellationToken: ct))).AsList();
    }

    private sealed record TokenRow(long PayoutId, string Purpose);
}
