namespace InvoiceFirst.Bench.Load;

/// <summary>
/// Drives operations <c>send(i)</c> for i in [0, count): either closed (a fixed number of workers,
/// each starting the next operation when its last one is answered: saturation) or open (a fixed
/// offered rate, whatever the answers do: latency is counted from the scheduled start, so a slow
/// server cannot hide its queueing by slowing the load down).
/// </summary>
public static class LoadGenerator
{
    /// <param name="send">Returns false (or throws) for a failed operation.</param>
    public static async Task<LoadRun> ClosedAsync(int count, int concurrency, Func<int, Task<bool>> send)
    {
        var latencies = new double[count];
        var ok = new bool[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = clock.Elapsed.TotalMilliseconds;
                ok[i] = await TryAsync(send, i);
                latencies[i] = clock.Elapsed.TotalMilliseconds - start;
            }
        }));
        await Task.WhenAll(workers);
        return Result(latencies, ok, clock.Elapsed.TotalSeconds);
    }

    /// <param name="started">Told the wall-clock time each operation was scheduled for (for end-to-end latencies measured elsewhere).</param>
    public static async Task<LoadRun> OpenAsync(int count, double perSecond, Func<int, Task<bool>> send, Action<int, DateTimeOffset>? started = null)
    {
        var latencies = new double[count];
        var ok = new bool[count];
        var inFlight = new List<Task>(count);
        var wallStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var issued = 0;
        while (issued < count)
        {
            var due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * perSecond) + 1);
            for (; issued < due; issued++)
            {
                var i = issued;
                var scheduled = i / perSecond * 1000;
                started?.Invoke(i, wallStart.AddMilliseconds(scheduled));
                inFlight.Add(Task.Run(async () =>
                {
                    ok[i] = await TryAsync(send, i);
                    latencies[i] = clock.Elapsed.TotalMilliseconds - scheduled;
                }));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        return Result(latencies, ok, clock.Elapsed.TotalSeconds);
    }

    private static async Task<bool> TryAsync(Func<int, Task<bool>> send, int i)
    {
        try { return await send(i); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { return false; }
    }

    private static LoadRun Result(double[] latencies, bool[] ok, double seconds) =>
        new(latencies.Where((_, i) => ok[i]).ToArray(), ok.LongCount(x => !x), seconds);
}
