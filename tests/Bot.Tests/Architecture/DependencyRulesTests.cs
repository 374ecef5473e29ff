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

    /// <summary>
    /// Inside the Bot, folders (namespaces) form no cycle: each depends only on folders that do not depend back on
    /// it, directly or through others. The composition root (the <c>InvoiceFirst.Bot</c> namespace itself) may use
    /// every folder, so it is left out.
    /// </summary>
    [Fact]
    public void BotFolders_FormNoCycle()
    {
        var edges = FolderEdges(BotAssembly);

        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, "folders that depend on each other: " + string.Join("; ", cycles.Select(c =>
            string.Join(" ↔ ", c.Select(f => $"{f} (→ {string.Join(", ", edges[f].Intersect(c).Select(Short))})")))));
    }

    [Fact]
    public void BotFolders_CycleCheck_FindsAWrongWayReference()
    {
        // The check above must be able to fail: two folders that use each other are one cycle.
        var edges = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Assert.Equal([["A", "B", "C"]], StronglyConnected(edges).Where(c => c.Count > 1).Select(c => c.Order().ToList()));
    }

    private static readonly Assembly BotAssembly = typeof(InvoiceFirst.Bot.Conversations.Replies).Assembly;

    private static Dictionary<string, HashSet<string>> FolderEdges(Assembly assembly)
    {
        var folders = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("InvoiceFirst.Bot.", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(3))).Distinct().Order().ToList();
        var types = Types.InAssembly(assembly);
        return folders.ToDictionary(from => from, from => folders
            .Where(to => to != from && !types.That().ResideInNamespace(from).ShouldNot().HaveDependencyOnAny(to).GetResult().IsSuccessful)
            .ToHashSet());
    }

    /// <summary>Tarjan's algorithm: the groups of nodes that can each reach every other member.</summary>
    private static List<List<string>> StronglyConnected(IReadOnlyDictionary<string, HashSet<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (stack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var group = new List<string>();
            string member;
            do { member = stack.Pop(); group.Add(member); } while (member != node);
            result.Add(group);
        }
        foreach (var node in edges.Keys.Where(n => !index.ContainsKey(n))) Visit(node);
        return result;
    }

    private static string Short(string folder) => folder["InvoiceFirst.Bot.".Length..];

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []);
}
