namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>What a checked run did and every broken promise found (there must be none).</summary>
public sealed record ChaosReport(IReadOnlyList<string> Violations, IReadOnlyDictionary<string, int> Figures)
{
    public override string ToString() =>
        string.Join(", ", Figures.Select(f => $"{f.Key}={f.Value}")) +
        (Violations.Count == 0 ? "; no violations" : $"; {Violations.Count} violations:\n  " + string.Join("\n  ", Violations.Take(30)));
}
