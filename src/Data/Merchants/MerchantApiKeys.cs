using System.Security.Cryptography;
using System.Text;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Merchants;

/// <summary>A merchant's API key as stored: the visible prefix and a hash; the key itself is shown once, when made.</summary>
public sealed record MerchantApiKey
{
    public long Id { get; init; }
    public long MerchantId { get; init; }
    public required string Prefix { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>
/// Merchant API keys: <c>ifk_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the row; the SHA-256 of the whole key,
/// compared in constant time, decides. A revoked key, or one of a merchant not active, lets nobody in.
/// </summary>
public sealed class MerchantApiKeyRepository(Db db)
{
    public const string KeyStart = "ifk_";

    private const string Columns = "id, merchant_id, prefix, created_at, revoked_at";

    /// <summary>Makes a key for the merchant; returns the stored row and the key, which is never readable again.</summary>
    public async Task<(MerchantApiKey Key, string Secret)> CreateAsync(long merchantId, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO merchant_api_keys (merchant_id, prefix, key_hash, created_at) VALUES (@merchantId, @prefix, @hash, @now)
            RETURNING {Columns}
            """;
        var prefix = RandomNumberGenerator.GetString(MerchantCodes.Alphabet.ToLowerInvariant(), 8);
        var secret = $"{KeyStart}{prefix}_{RandomNumberGenerator.GetHexString(40, lowercase: true)}";
        await using var connection = await db.OpenAsync(ct);
        var key = await connection.QuerySingleAsync<MerchantApiKey>(new CommandDefinition(sql,
            new { merchantId, prefix, hash = Hash(secret), now }, cancellationToken: ct));
        return (key, secret);
    }

    public async Task<IReadOnlyList<MerchantApiKey>> ListAsync(long merchantId, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchant_api_keys WHERE merchant_id = @merchantId ORDER BY id";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<MerchantApiKey>(new CommandDefinition(sql, new { merchantId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Revokes one of the merchant's keys; false when the merchant has no such key (or it was revoked already).</summary>
    public async Task<bool> RevokeAsync(long merchantId, long keyId, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE merchant_api_keys SET revoked_at = @now WHERE id = @keyId AND merchant_id = @merchantId AND revoked_at IS NULL";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { merchantId, keyId, now }, cancellationToken: ct)) == 1;
    }

    /// <summary>The merchant a presented key belongs to (any status: the caller decides), or null.</summary>
    public async Task<long?> FindMerchantAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(KeyStart, StringComparison.Ordinal) || presented.Length > 100) return null;
        var rest = presented[KeyStart.Length..];
        var cut = rest.IndexOf('_');
        if (cut <= 0) return null;
        const string sql = "SELECT merchant_id, key_hash FROM merchant_api_keys WHERE prefix = @prefix AND revoked_at IS NULL";
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(sql, new { prefix = rest[..cut] }, cancellationToken: ct));
        return row is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.KeyHash), Encoding.ASCII.GetBytes(Hash(presented)))
            ? row.MerchantId
            : null;
    }

    private sealed class KeyRow
    {
        public long MerchantId { get; init; }
        public string KeyHash { get; init; } = "";
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
