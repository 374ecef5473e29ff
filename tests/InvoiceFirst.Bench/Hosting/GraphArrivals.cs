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

    /// <summary>Waits until every recipient has at least one message, or the deadline; returns how many are still missing.</summary>
    public async Task<int> WaitForAllAsync(IReadOnlyCollection<string> recipients, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Update();
            var missing = recipients.Count(r => !byRecipient.ContainsKey(r));
            if (missing == 0 || deadline.Elapsed > timeout) return missing;
            await Task.Delay(100);
        }
    }
}
