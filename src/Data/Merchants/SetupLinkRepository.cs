using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Data.Merchants;

/// <summary>
/// One-time links to a page a merchant's owner opens from chat (<see cref="MpesaPurpose"/>): an unguessable token kept
/// only as its hash, bound to one merchant, good within <see cref="Lifetime"/> until the form on it is saved once.
/// Opening the page uses nothing, so a chat app's link preview cannot spend it.
/// </summary>
public sealed class SetupLinkRepository(Db db)
{
    public const string MpesaPurpose = "mpesa";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static async Task<string> IssueAsync(DbConnection connection, DbTransaction transaction, long merchantId, string purpose,
        DateTimeOffset now, CancellationToken ct)
    {
        var token = SecureToken.New();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO setup_links (token_hash, merchant_id, purpose, created_at, expires_at) VALUES (@hash, @merchantId, @purpose, @now, @expiresAt)
            """, new { hash = SecureToken.Hash(token), merchantId, purpose, now, expiresAt = now + Lifetime }, transaction, cancellationToken: ct));
        return token;
    }

    /// <summary>The merchant a live (unused, unexpired) link of <paramref name="purpose"/> is for; null otherwise.</summary>
    public async Task<long?> FindAsync(string token, string purpose, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            SELECT merchant_id FROM setup_links WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now
            """, new { hash = SecureToken.Hash(token), purpose, now }, cancellationToken: ct));
    }

    /// <summary>Spends the link in the caller's transaction; false when it was spent (or ran out) meanwhile.</summary>
    public static async Task<bool> TryUseAsync(DbConnection connection, DbTransaction transaction, string token, string purpose, long merchantId,
        DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE setup_links SET used_at = @now
            WHERE token_hash = @hash AND purpose = @purpose AND merchant_id = @merchantId AND used_at IS NULL AND expires_at > @now
            """, new { hash = SecureToken.Hash(token), purpose, merchantId, now }, transaction, cancellationToken: ct)) == 1;

}
