using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Bench.Hosting;

/// <summary>
/// What the fake WhatsApp Graph received, by recipient, read incrementally from its request log
/// (each request is parsed once): when each recipient's messages arrived and how many there were.
/// </summary>
public sealed class GraphArrivals(FakeWhatsAppGraph graph)
{
    private readonly Dictionary<string, List<DateTimeOffset>> byRecipient = new(StringComparer.Ordinal);
    private int parsed;

    public int Total => parsed;

    /// <summary>As of the last <see cref="Update"/>.</summary>
    public IReadOnlyList<DateTimeOffset> To(string recipient) =>
        byRecipient.TryGetValue(recipient, out var list) ? list : [];

    public void Update()
    {
        var all = graph.Requests.All;
        for (; parsed < all.Count; parsed++)
        {
            var to = all[parsed].Json["to"]?.GetValue<string>() ?? "";
            if (!byRecipient.TryGetValue(to, out var list)) byRecipient[to] = list = [];
            list.Add(all[parsed].ReceivedAt);
        }
    }

    /// <summary>
    /// Waits until every recipient has received <paramref name="expected"/> messages more than the
    /// <paramref name="seen"/> it had before, or the deadline; returns how many messages are still missing.
    /// </summary>
    public async Task<int> WaitForAllAsync(IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> seen, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Update();
            var missing = expected.Sum(e => Math.Max(0, e.Value + seen.GetValueOrDefault(e.Key) - To(e.Key).Count));
            if (missing == 0 || deadline.Elapsed > timeout) return missing;
            await Task.Delay(100);
        }
    }
}
