using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Logins;

/// <summary>
/// One-time web login codes, stored hashed, each for one <see cref="LoginAudience"/>. Only a phone's newest code
/// for that door counts; it lives until it expires, is used once, or has been tried <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class LoginCodeRepository(Db db)
{
    public const int MaxAttempts = 5;

    /// <summary>Stores a new code (which replaces any earlier one of the phone) and returns its id.</summary>
    public static Task<long> IssueAsync(DbConnection connection, DbTransaction transaction, LoginAudience audience, string phone, string codeHash,
        DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO login_codes (phone, audience, code_hash, created_at, expires_at) VALUES (@phone, @audience, @codeHash, @now, @expiresAt)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { phone, audience = LoginAudienceColumn.Of(audience), codeHash, now, expiresAt }, transaction, cancellationToken: ct));
    }

    public async Task<long> CountIssuedSinceAsync(LoginAudience audience, string phone, DateTimeOffset since, CancellationToken ct)
    {
        const string sql = "SELECT count(*) FROM login_codes WHERE phone = @phone AND audience = @audience AND created_at >= @since";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { phone, audience = LoginAudienceColumn.Of(audience), since }, cancellationToken: ct));
    }

    /// <summary>
    /// True once for the right code: the phone's newest live code is marked used. A wrong code counts as a try
    /// (a conditional update, so concurrent guesses cannot exceed the limit).
    /// </summary>
    public Task<bool> TryUseAsync(LoginAudience audience, string phone, Func<string, bool> matches, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var code = await c.QuerySingleOrDefaultAsync<LiveCode>(new CommandDefinition($"""
                SELECT id, code_hash FROM login_codes
                WHERE phone = @phone AND audience = @audience AND used_at IS NULL AND expires_at > @now AND attempts < {MaxAttempts}
                  AND id = (SELECT max(id) FROM login_codes WHERE phone = @phone AND audience = @audience)
                {db.ForUpdate}
                """, new { phone, audience = LoginAudienceColumn.Of(audience), now }, t, cancellationToken: ct));
            if (code is null) return false;
            if (!matches(code.CodeHash))
            {
                await c.ExecuteAsync(new CommandDefinition($"UPDATE login_codes SET attempts = attempts + 1 WHERE id = @Id AND attempts < {MaxAttempts}",
                    new { code.Id }, t, cancellationToken: ct));
                return false;
            }
            return await c.ExecuteAsync(new CommandDefinition("UPDATE login_codes SET used_at = @now WHERE id = @Id AND used_at IS NULL",
                new { code.Id, now }, t, cancellationToken: ct)) == 1;
        }, ct);

    private sealed class LiveCode
    {
        public long Id { get; init; }
        public string CodeHash { get; init; } = "";
    }
}
