using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// The Daraja tokens in the <c>settings</c> table (one row per account), shared by every instance. Refreshes are
/// serialized per account by a PostgreSQL advisory lock held for the refresh's transaction, so a new token
/// (which invalidates the old one) is requested by one instance at a time. SQLite serves one
/// instance, where a local lock is enough.
/// </summary>
public sealed class DatabaseDarajaTokenStore(Db db) : IDarajaTokenStore, IDisposable
{
    // Any fixed number: it only has to be the same in every instance. Other accounts' locks are derived from it.
    private const long AdvisoryLockId = 0x4D50455341; // "MPESA"
    private readonly ConcurrentDictionary<string, SemaphoreSlim> localLocks = new();

    public async Task<CachedToken?> GetAsync(string account, OpenTransaction? on, CancellationToken ct)
    {
        if (on is var (c, t)) return await GetAsync(c, t, account, ct);
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, account, ct);
    }

    public async Task SaveAsync(string account, CachedToken token, OpenTransaction? on, CancellationToken ct)
    {
        if (on is var (c, t))
        {
            await SaveAsync(c, t, account, token, ct);
            return;
        }
        await using var connection = await db.OpenAsync(ct);
        await SaveAsync(connection, null, account, token, ct);
    }

    /// <summary>
    /// Inside the caller's transaction (<paramref name="on"/>) the advisory lock is that transaction's and lasts until it
    /// commits, and the new token commits with it: should it roll back, the next call that Daraja refuses the stored
    /// token for refreshes again.
    /// </summary>
    public async Task<T> WithRefreshLockAsync<T>(string account, OpenTransaction? on, Func<OpenTransaction?, Task<T>> refresh, CancellationToken ct)
    {
        var localLock = localLocks.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        await localLock.WaitAsync(ct);
        try
        {
            if (!db.IsPostgres) return await refresh(on);
            if (on is var (c, t))
            {
                await LockAsync(c, t, account, ct);
                return await refresh(on);
            }
            await using var connection = await db.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await LockAsync(connection, transaction, account, ct);
            var result = await refresh(new OpenTransaction(connection, transaction));
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            localLock.Release();
        }
    }

    private static async Task<CachedToken?> GetAsync(DbConnection connection, DbTransaction? transaction, string account, CancellationToken ct)
    {
        const string sql = "SELECT value, expires_at FROM settings WHERE key = @key";
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(sql, new { key = Key(account) }, transaction,
            cancellationToken: ct));
        return row is null ? null : new CachedToken(row.Value, row.ExpiresAt ?? DateTimeOffset.MinValue);
    }

    private static Task SaveAsync(DbConnection connection, DbTransaction? transaction, string account, CachedToken token, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO settings (key, value, expires_at, updated_at) VALUES (@key, @value, @expiresAt, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql,
            new { key = Key(account), value = token.AccessToken, expiresAt = token.ExpiresAt, now = DateTimeOffset.UtcNow }, transaction,
            cancellationToken: ct));
    }

    private static Task LockAsync(DbConnection connection, DbTransaction transaction, string account, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@id)", new { id = LockId(account) }, transaction,
            cancellationToken: ct));

    public void Dispose()
    {
        foreach (var gate in localLocks.Values) gate.Dispose();
    }

    // The deployment's token keeps the row it always had.
    private static string Key(string account) => account == DarajaAccount.DeploymentKey ? "mpesa.oauth_token" : $"mpesa.oauth_token.{account}";

    private static long LockId(string account) => account == DarajaAccount.DeploymentKey
        ? AdvisoryLockId
        : AdvisoryLockId ^ BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(account)), 0);

    private sealed class TokenRow
    {
        public string Value { get; init; } = "";
        public DateTimeOffset? ExpiresAt { get; init; }
    }
}
