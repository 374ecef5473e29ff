using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Data.Logins;

/// <summary>One-tap login links: an unguessable token, kept only as its hash, good once within <see cref="Lifetime"/>.</summary>
public sealed class LoginLinkRepository(Db db)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>A new link token for <paramref name="phone"/>, stored (hashed) in the caller's transaction.</summary>
    public static async Task<string> IssueAsync(DbConnection connection, DbTransaction transaction, string phone, DateTimeOffset now,
        CancellationToken ct)
    {
        var token = SecureToken.New();
        const string sql = """
            INSERT INTO login_links (token_hash, phone, created_at, expires_at) VALUES (@hash, @phone, @now, @expiresAt)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { hash = SecureToken.Hash(token), phone, now, expiresAt = now + Lifetime }, transaction,
            cancellationToken: ct));
        return token;
    }

    /// <summary>The phone the link logs in, once; null for an unknown, used or expired token.</summary>
    public async Task<string?> TryUseAsync(string token, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE login_links SET used_at = @now
            WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now
            RETURNING phone
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { hash = SecureToken.Hash(token), now }, cancellationToken: ct));
    }

}
