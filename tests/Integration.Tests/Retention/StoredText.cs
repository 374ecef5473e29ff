using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Integration.Tests.Retention;

/// <summary>Every text value in every table, to search for what must not be stored.</summary>
public static class StoredText
{
    public static async Task<IReadOnlyList<(string Where, string Value)>> AllAsync(Db db)
    {
        var columnsSql = db.IsPostgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'text' ORDER BY 1, 2"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND lower(p.type) = 'text' ORDER BY 1, 2";
        await using var c = await db.OpenAsync(default);
        var found = new List<(string, string)>();
        foreach (var (table, column) in await c.QueryAsync<(string, string)>(columnsSql))
        {
            var values = await c.QueryAsync<string>($"SELECT {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY 1");
            found.AddRange(values.Select(v => ($"{table}.{column}", v)));
        }
        return found;
    }

    /// <summary>Values that contain the number in any written form (254…, +254…, 07…, with spaces or dashes) or one of the words.</summary>
    public static async Task<IReadOnlyList<string>> MentionsAsync(Db db, string msisdn, params string[] words)
    {
        var digits = msisdn[3..];
        return (await AllAsync(db))
            .Where(v => v.Value.Replace(" ", "").Replace("-", "").Contains(digits, StringComparison.Ordinal)
                        || words.Any(w => v.Value.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(v => $"{v.Where}: {v.Value}")
            .ToList();
    }
}
