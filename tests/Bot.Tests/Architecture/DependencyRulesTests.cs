using System.Reflection;
using NetArchTest.Rules;

namespace InvoiceFirst.Bot.Tests.Architecture;

/// <summary>
/// The project rules of ARCHITECTURE.md, checked on the compiled assemblies: dependencies point
/// Bot → Payments, Messaging → Data; Payments and Messaging never reference each other or the Bot;
/// provider wire types stay inside the project that talks to that provider.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Data = typeof(InvoiceFirst.Data.Domain.Money).Assembly;
    private static readonly Assembly Messaging = typeof(InvoiceFirst.Messaging.Outbox.OutboxSignal).Assembly;
    private static readonly Assembly Payments = typeof(InvoiceFirst.Payments.Mpesa.DarajaClient).Assembly;

    public static TheoryData<string, string[]> Rules => new()
    {
        { "InvoiceFirst.Data", ["InvoiceFirst.Messaging", "InvoiceFirst.Payments", "InvoiceFirst.Bot"] },
        { "InvoiceFirst.Messaging", ["InvoiceFirst.Payments", "InvoiceFirst.Bot"] },
        { "InvoiceFirst.Payments", ["InvoiceFirst.Messaging", "InvoiceFirst.Bot"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Project_ReferencesOnlyWhatItMay(string project, string[] forbidden)
    {
        var assembly = new[] { Data, Messaging, Payments }.Single(a => a.GetName().Name == project);

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{project} depends on {string.Join(", ", forbidden)}: " +
            Failing(result));
    }

    [Theory]
    [InlineData("InvoiceFirst.Messaging")]
    [InlineData("InvoiceFirst.Payments")]
    public void WireTypes_NeverPublic(string project)
    {
        var assembly = new[] { Messaging, Payments }.Single(a => a.GetName().Name == project);

        var result = Types.InAssembly(assembly).That().ResideInNamespaceEndingWith(".Wire").ShouldNot().BePublic().GetResult();

        Assert.True(result.IsSuccessful, "public wire types: " + Failing(result));
    }

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []);
}
