namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>The heavy fault tests run alone: each starts several bot processes and loads the box.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
