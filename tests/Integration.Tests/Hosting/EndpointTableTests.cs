using System.Text.RegularExpressions;
using InvoiceFirst.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace InvoiceFirst.Integration.Tests.Hosting;

/// <summary>
/// docs/RELIABILITY.md holds one table of every inbound endpoint and how it is authenticated. A
/// route mapped by the host and missing there (or a row for a route that no longer exists) fails.
/// </summary>
public sealed partial class EndpointTableTests
{
    private const string Section = "## Inbound endpoints";

    [Fact]
    public async Task EveryMappedEndpoint_InLiveAndSandboxMode_HasARowInTheAuthenticationTable()
    {
        var mapped = new SortedSet<string>(StringComparer.Ordinal);
        await using (var live = await BotFactory.CreateAsync())
            mapped.UnionWith(Routes(live));
        await using (var sandbox = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["App:Mode"] = "Sandbox" }))
            mapped.UnionWith(Routes(sandbox));
        var documented = DocumentedRoutes();

        var undocumented = mapped.Except(documented).ToList();
        var stale = documented.Except(mapped).ToList();
        Assert.True(undocumented.Count == 0, "Mapped but not in the table:\n" + string.Join("\n", undocumented));
        Assert.True(stale.Count == 0, "In the table but not mapped:\n" + string.Join("\n", stale));
    }

    private static IEnumerable<string> Routes(BotFactory host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"));

    /// <summary>The first cell of each row: <c>`GET /path`</c>, <c>`GET/POST /path`</c>.</summary>
    private static HashSet<string> DocumentedRoutes()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "RELIABILITY.md"));
        var start = text.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/RELIABILITY.md has no '{Section}' section");
        var end = text.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match row in RouteCell().Matches(text[start..(end < 0 ? text.Length : end)]))
            foreach (var method in row.Groups["methods"].Value.Split('/'))
                routes.Add($"{method} {row.Groups["path"].Value}");
        return routes;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InvoiceFirst.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("InvoiceFirst.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| `(?<methods>[A-Z]+(?:/[A-Z]+)*) (?<path>/[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex RouteCell();
}
