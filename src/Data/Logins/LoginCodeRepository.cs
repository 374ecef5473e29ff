using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Logins;

/// <summary>
/// One-time web login codes, stored hashed. Only a phone's newest code counts; it lives until it expires,
/// is used once, or has been tried <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class LoginCodeRepository(Db db)
{
    public const int MaxAttempts = 5;

    /// <summary>Stores a new code (which replaces any earlier one of the phone) and returns its id.</summary>
    public static Task<long> IssueAsync(DbConnection connection, DbTransaction transaction, string phone, string codeHash, DateTimeOffset now,
        DateTimeOffset expiresAt, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO login_codes (phone, code_hash, created_at, expires_at) VALUES (@phone, @codeHash, @now, @expiresAt)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { phone, codeHash, now, expiresAt }, transaction, cancellationToken: ct));
    }

    public async Task<long> CountIssuedSinceAsync(string phone, DateTimeOffset since, CancellationToken ct)
    {
        const string sql = "SELECT count(*) FROM login_codes WHERE phone = @phone AND created_at >= @since";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { phone, since }, cancellationToken: ct));
    }

    /// <summary>
    /// True once for the right code: the phone's newest live code is marked used. A wrong code counts as a try
    /// (a conditional update, so concurrent guesses cannot exceed the limit).
    /// </summary>
    public Task<bool> TryUseAsync(string phone, Func<string, bool> matches, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var code = await c.QuerySingleOrDefaultAsync<LiveCode>(new CommandDefinition($"""
                SELECT id, code_hash FROM login_codes
                WHERE phone = @phone AND used_at IS NULL AND expires_at > @now AND attempts < {MaxAttempts}
                  AND id = (SELECT max(id) FROM login_codes WHERE phone = @phone)
                {db.ForUpdate}
                """, new { phone, now }, t, cancellationToken: ct));
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
