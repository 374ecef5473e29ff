namespace InvoiceFirst.Bench.Scenarios.Writes;

/// <summary>One statement and its named parameters.</summary>
public sealed record Statement(string Sql, params (string Name, object Value)[] Parameters)
{
    /// <summary>The table an INSERT INTO or UPDATE writes.</summary>
    public string Table => Sql.Split(' ', 4)[Sql.StartsWith("INSERT", StringComparison.Ordinal) ? 2 : 1];
}

/// <summary>
/// Runs a write set's transactions one of two ways, the same statements either way: one round trip per statement inside
/// BEGIN/COMMIT, as the bot sends them, or each transaction as one <see cref="NpgsqlBatch"/> (one round trip, one implicit
/// transaction). Statements on the tables in <paramref name="without"/> are left out, to price them.
/// </summary>
public sealed class WriteRunner(NpgsqlDataSource db, bool batched, IReadOnlyList<string> without)
{
    private long roundTrips;

    /// <summary>Round trips to the database so far. Npgsql sends BEGIN with a transaction's first statement.</summary>
    public long RoundTrips => Interlocked.Read(ref roundTrips);

    /// <summary>Runs the statements as one transaction, or one alone; returns the values of those with a RETURNING, in order.</summary>
    public async Task<List<object>> RunAsync(params Statement[] statements)
    {
        var values = new List<object>();
        statements = statements.Where(s => !without.Contains(s.Table)).ToArray();
        var transaction = statements.Length > 1;
        Interlocked.Add(ref roundTrips, batched ? 1 : statements.Length + (transaction ? 1 : 0));
        await using var c = await db.OpenConnectionAsync();
        if (batched)
        {
            await using var batch = new NpgsqlBatch(c);
            foreach (var s in statements)
            {
                var command = new NpgsqlBatchCommand(s.Sql);
                foreach (var (name, value) in s.Parameters) command.Parameters.AddWithValue(name, value);
                batch.BatchCommands.Add(command);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                while (reader.FieldCount > 0 && await reader.ReadAsync()) values.Add(reader.GetValue(0));
            } while (await reader.NextResultAsync());
            return values;
        }
        await using var t = transaction ? await c.BeginTransactionAsync() : null;
        foreach (var s in statements)
        {
            await using var command = new NpgsqlCommand(s.Sql, c, t);
            foreach (var (name, value) in s.Parameters) command.Parameters.AddWithValue(name, value);
            await using var reader = await command.ExecuteReaderAsync();
            while (reader.FieldCount > 0 && await reader.ReadAsync()) values.Add(reader.GetValue(0));
        }
        if (t is not null) await t.CommitAsync();
        return values;
    }
}
