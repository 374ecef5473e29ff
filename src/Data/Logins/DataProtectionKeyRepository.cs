using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Logins;

/// <summary>The Data Protection key ring as rows, so every instance signs and reads the same cookies.</summary>
public sealed class DataProtectionKeyRepository(Db db)
{
    public async Task<IReadOnlyList<string>> ListXmlAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT xml FROM data_protection_keys ORDER BY id", cancellationToken: ct))).AsList();
    }

    /// <summary>Keeps a new key; a name already stored (the same key written twice) is left as it is.</summary>
    public async Task StoreAsync(string friendlyName, string xml, CancellationToken ct)
    {
        const string sql = "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (friendly_name) DO NOTHING";
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { friendlyName, xml }, cancellationToken: ct));
    }
}
