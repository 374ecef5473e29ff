using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Merchants;

/// <summary>A merchant's own Daraja app as stored: its secrets are one encrypted blob this layer never opens.</summary>
public sealed record MerchantMpesa
{
    public long MerchantId { get; init; }

    /// <summary><c>PAYBILL</c> or <c>TILL</c> (Buy Goods, paid to <see cref="PartyB"/>).</summary>
    public required string Kind { get; init; }
    public required string ShortCode { get; init; }
    public string? PartyB { get; init; }

    /// <summary>Encrypted (Data Protection); see the Payments layer's <c>MerchantDarajaKeys</c>.</summary>
    public required string Secrets { get; init; }
    public long Version { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }

    public bool IsActive => RemovedAt is null;

    /// <summary>What a payment records as the app that pushed it: the merchant and this version of its keys.</summary>
    public string AccountKey => $"m{MerchantId}v{Version}";

    // A record prints every property; the blob is encrypted, but it is nobody's business in a log either.
    public override string ToString() => $"MerchantMpesa {{ MerchantId = {MerchantId}, Kind = {Kind}, ShortCode = {ShortCode} }}";
}

/// <summary>Every statement names the merchant: another merchant's keys are never read or changed.</summary>
public sealed class MerchantMpesaRepository(Db db)
{
    private const string Columns = "merchant_id, kind, short_code, party_b, secrets, version, saved_at, last_used_at, removed_at";

    /// <summary>Saves (or replaces) the merchant's keys in the caller's transaction, as a new version.</summary>
    public static Task SaveAsync(DbConnection connection, DbTransaction transaction, long merchantId, string kind, string shortCode, string? partyB,
        string secrets, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO merchant_mpesa (merchant_id, kind, short_code, party_b, secrets, version, saved_at)
            VALUES (@merchantId, @kind, @shortCode, @partyB, @secrets, @version, @now)
            ON CONFLICT (merchant_id) DO UPDATE SET kind = excluded.kind, short_code = excluded.short_code, party_b = excluded.party_b,
                secrets = excluded.secrets, version = excluded.version, saved_at = excluded.saved_at, last_used_at = NULL, removed_at = NULL
            """, new { merchantId, kind, shortCode, partyB, secrets, version = now.UtcTicks, now }, transaction, cancellationToken: ct));

    /// <summary>The merchant's keys, removed ones included (a push made with them may still need its query).</summary>
    public async Task<MerchantMpesa?> GetAsync(long merchantId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, merchantId, ct);
    }

    public static Task<MerchantMpesa?> GetAsync(DbConnection connection, DbTransaction? transaction, long merchantId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<MerchantMpesa>(new CommandDefinition(
            $"SELECT {Columns} FROM merchant_mpesa WHERE merchant_id = @merchantId", new { merchantId }, transaction, cancellationToken: ct));

    /// <summary>The merchant whose own app (still in use) charges <paramref name="shortCode"/>: its Paybill, or its Till or store number.</summary>
    public static Task<MerchantMpesa?> FindByShortCodeAsync(DbConnection connection, DbTransaction? transaction, string shortCode, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<MerchantMpesa>(new CommandDefinition(
            $"SELECT {Columns} FROM merchant_mpesa WHERE removed_at IS NULL AND (short_code = @shortCode OR party_b = @shortCode) ORDER BY saved_at DESC LIMIT 1",
            new { shortCode }, transaction, cancellationToken: ct));

    public async Task<MerchantMpesa?> FindByShortCodeAsync(string shortCode, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindByShortCodeAsync(connection, null, shortCode, ct);
    }

    public async Task MarkUsedAsync(long merchantId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE merchant_mpesa SET last_used_at = @now WHERE merchant_id = @merchantId", new { merchantId, now }, cancellationToken: ct));
    }

    /// <summary>
    /// New pushes stop using the keys at once. Pushes already made with them still need their query, so the row stays
    /// (removed) while any is unsettled, and its secrets are erased with <see cref="PurgeRemovedAsync"/>.
    /// </summary>
    public static async Task<bool> RemoveAsync(DbConnection connection, DbTransaction transaction, long merchantId, DateTimeOffset now,
        CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE merchant_mpesa SET removed_at = @now WHERE merchant_id = @merchantId AND removed_at IS NULL",
            new { merchantId, now }, transaction, cancellationToken: ct)) == 1;

    /// <summary>Deletes removed keys that no unsettled payment still needs; returns how many.</summary>
    public static Task<int> PurgeRemovedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM merchant_mpesa
            WHERE removed_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM payments p
                              WHERE p.daraja_account = 'm' || CAST(merchant_mpesa.merchant_id AS text) || 'v' || CAST(merchant_mpesa.version AS text)
                                AND p.status IN ('INITIATED', 'NEEDS_REVIEW'))
            """, transaction: transaction, cancellationToken: ct));
}
