namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>
/// Posts webhooks the way Meta and Safaricom do: each attempt to the next live instance (round
/// robin), an unanswered or non-2xx attempt retried until acknowledged. Injected duplicates are
/// the same bytes delivered again after the first acknowledgement.
/// </summary>
public sealed class RetryingSender(ChaosWorld world, TimeSpan giveUpAfter) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Lock gate = new();
    private readonly List<Task> running = [];
    private int next;
    private int attempts;
    private int duplicates;

    public int Attempts => Volatile.Read(ref attempts);
    public int DuplicatesInjected => Volatile.Read(ref duplicates);

    /// <summary>Webhooks that were never acknowledged before the sender gave up: each is a failure of the run.</summary>
    public List<string> GaveUp { get; } = [];

    /// <summary>Starts delivering; <paramref name="acknowledged"/> runs once the bot answered 2xx.</summary>
    public void Send(WebhookDelivery delivery, bool duplicate, Action acknowledged)
    {
        var task = Task.Run(async () =>
        {
            if (!await DeliverAsync(delivery)) return;
            acknowledged();
            if (!duplicate) return;
            Interlocked.Increment(ref duplicates);
            await DeliverAsync(delivery);
        });
        lock (gate) running.Add(task);
    }

    /// <summary>Waits until every delivery started so far is acknowledged (or given up).</summary>
    public async Task IdleAsync()
    {
        Task[] now;
        lock (gate)
        {
            running.RemoveAll(t => t.IsCompleted);
            now = [.. running];
        }
        await Task.WhenAll(now);
    }

    private async Task<bool> DeliverAsync(WebhookDelivery delivery)
    {
        var deadline = DateTime.UtcNow + giveUpAfter;
        while (DateTime.UtcNow < deadline)
        {
            var urls = world.LiveUrls;
            if (urls.Count > 0)
            {
                var url = urls[(Interlocked.Increment(ref next) & int.MaxValue) % urls.Count];
                Interlocked.Increment(ref attempts);
                try
                {
                    using var request = delivery.ToRequest(url);
                    using var response = await http.SendAsync(request);
                    if (response.IsSuccessStatusCode) return true;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // Killed mid-request or not listening yet: exactly what a provider sees during a crash.
                }
            }
            await Task.Delay(RetryDelay);
        }
        lock (gate) GaveUp.Add($"{delivery.Kind} {delivery.Path}");
        return false;
    }

    public void Dispose() => http.Dispose();
}
