namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>What a checked run did and every broken promise found (there must be none).</summary>
public sealed record ChaosReport(IReadOnlyList<string> Violations, IReadOnlyDictionary<string, int> Figures)
{
    public override string ToString() =>
        string.Join(", ", Figures.Select(f => $"{f.Key}={f.Value}")) +
        (Violations.Count == 0 ? "; no violations" : $"; {Violations.Count} violations ({Kinds}):\n  " + string.Join("\n  ", Violations.Take(30)));

    /// <summary>How many of each kind, so a long run's few real findings are not buried under one noisy kind.</summary>
    private string Kinds => string.Join(", ", Violations
        .CountBy(v => string.Join(' ', v.Split(' ').Where(w => !w.Any(char.IsDigit) && !w.StartsWith('…')).Take(6)))
        .Select(k => $"{k.Value}× {k.Key}"));
}
