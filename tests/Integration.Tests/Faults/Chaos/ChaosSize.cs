using System.Globalization;

namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>
/// How big a chaos run is: small by default (CI), larger by hand through environment variables,
/// e.g. <c>CHAOS_EVENTS=5000 CHAOS_KILLS=60 CHAOS_SEED=42</c>.
/// </summary>
public sealed record ChaosSize(int Events, int Kills, int Seed)
{
    public static ChaosSize FromEnvironment(int events, int kills) => new(
        Read("CHAOS_EVENTS") ?? events,
        Read("CHAOS_KILLS") ?? kills,
        Read("CHAOS_SEED") ?? Random.Shared.Next(1, 1_000_000));

    /// <summary>Deadlines grow with the run: a long run by hand must not time out, a CI run must stay bounded.</summary>
    public TimeSpan DrainDeadline => TimeSpan.FromSeconds(60 + Events / 20);

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
