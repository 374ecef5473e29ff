using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// The Daraja token in the <c>settings</c> table, shared by every instance. Refreshes are
/// serialized by a PostgreSQL advisory lock held for the refresh's transaction, so a new token
/// (which invalidates the old one) is requested by one instance at a time. SQLite serves one
/// instance, where a local lock is enough.
/// </summary>
public sealed class DatabaseDarajaTokenStore(Db db) : IDarajaTokenStore, IDisposable
{
    private const string Key = "mpesa.oauth_token";

    // Any fixed number: it only has to be the same in every instance.
    private const long AdvisoryLockId = 0x4D50455341; // "MPESA"
    private readonly SemaphoreSlim localLock = new(1, 1);

    public async Task<CachedToken?> GetAsync(CancellationToken ct)
    {
        const string sql = $"SELECT value, expires_at FROM settings WHERE key = '{Key}'";
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(sql, cancellationToken: ct));
        return row is null ? null : new CachedToken(row.Value, row.ExpiresAt ?? DateTimeOffset.MinValue);
    }

    public async Task SaveAsync(CachedToken token, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO settings (key, value, expires_at, updated_at) VALUES ('{Key}', @value, @expiresAt, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { value = token.AccessToken, expiresAt = token.ExpiresAt, now = DateTimeOffset.UtcNow }, cancellationToken: ct));
    }

    public async Task<T> WithRefreshLockAsync<T>(Func<Task<T>> refresh, CancellationToken ct)
    {
        await localLock.WaitAsync(ct);
        try
        {
            if (!db.IsPostgres) return await refresh();
            await using var connection = await db.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@id)", new { id = AdvisoryLockId }, transaction, cancellationToken: ct));
            var result = await refresh();
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            localLock.Release();
        }
    }

    public void Dispose() => localLock.Dispose();

    private sealed class TokenRow
    {
        public string Value { get; init; } = "";
        public DateTimeOffset? ExpiresAt { get; init; }
    }
}
