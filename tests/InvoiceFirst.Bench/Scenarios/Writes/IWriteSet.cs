namespace InvoiceFirst.Bench.Scenarios.Writes;

/// <summary>The durable writes of one unit of work (an invoice, a settlement), keyed by its number i.</summary>
public interface IWriteSet
{
    /// <summary>"invoice" or "settlement": names the result and its per-unit figures.</summary>
    string Unit { get; }

    /// <summary>Rows units [from, to) need before they run, written unmeasured.</summary>
    Task SetUpAsync(NpgsqlConnection c, int from, int to);

    Task<bool> WriteAsync(WriteRunner run, int i);

    /// <summary>What units [from, to) left behind, and whether every one of them was written whole.</summary>
    Task<(Dictionary<string, double> Checks, bool Whole)> CheckAsync(NpgsqlConnection c, int from, int to);
}
