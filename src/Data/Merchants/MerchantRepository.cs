using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Merchants;

public sealed class MerchantRepository(Db db)
{
    private const string Columns = "id, phone, name, language, reminders_enabled";

    /// <summary>Creates the merchant or updates its name; the number is the identity.</summary>
    public async Task<Merchant> UpsertAsync(string phone, string name, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO merchants (phone, name, created_at, updated_at) VALUES (@phone, @name, @now, @now)
            ON CONFLICT (phone) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            RETURNING {Columns}
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<Merchant>(new CommandDefinition(sql, new { phone, name, now }, cancellationToken: ct));
    }

    public async Task<Merchant?> FindByPhoneAsync(string phone, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchants WHERE phone = @phone";
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Merchant>(new CommandDefinition(sql, new { phone }, cancellationToken: ct));
    }

    public async Task<Merchant?> GetAsync(long id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchants WHERE id = @id";
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Merchant>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
    }

    public static async Task SetLanguageAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        long id, string language, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET language = @language, updated_at = @now WHERE id = @id";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, language, now }, transaction, cancellationToken: ct));
    }
}
