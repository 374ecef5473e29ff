using System.Globalization;
using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Merchant one-line commands end to end, from the signed webhook until the fake Graph receives
/// the customer's invoice. Every command invoices a customer number of its own, so each arrival
/// belongs to exactly one command and a second arrival is a duplicate.
/// </summary>
public sealed class InvoiceLoad(BotUnderTest bot, int merchants, int concurrency, TextWriter log) : IDisposable
{
    private static readonly TimeSpan ArrivalDeadline = TimeSpan.FromSeconds(60);
    private readonly HttpClient http = BenchHttp.Client(bot.BaseUrl, concurrency);
    private readonly GraphArrivals arrivals = new(bot.Graph);
    private int nextCustomer;
    private int batches;

    public Task WarmupAsync(int count) => SaturationAsync("warmup", count);

    public async Task<BenchResult> FixedRateAsync(string scenario, double perSecond, int seconds)
    {
        var batch = Batch($"{scenario}-rate", (int)(perSecond * seconds));
        log.WriteLine($"{scenario}: {batch.Bodies.Length} commands at {perSecond}/s offered");
        var before = bot.Sample();
        var webhooks = await LoadGenerator.OpenAsync(batch.Bodies.Length, perSecond,
            i => BenchHttp.PostSignedAsync(http, "/whatsapp/webhook", batch.Bodies[i]), (i, at) => batch.SentAt[i] = at);
        return await CompleteAsync(new BenchResult(scenario, $"{perSecond}/s offered"), batch, webhooks, before);
    }

    public async Task<BenchResult> SaturationAsync(string scenario, int count)
    {
        var batch = Batch($"{scenario}-sat", count);
        log.WriteLine($"{scenario}: {count} commands, {concurrency} connections (saturation)");
        var before = bot.Sample();
        var webhooks = await LoadGenerator.ClosedAsync(count, concurrency, i =>
        {
            batch.SentAt[i] = DateTimeOffset.UtcNow;
            return BenchHttp.PostSignedAsync(http, "/whatsapp/webhook", batch.Bodies[i]);
        });
        return await CompleteAsync(new BenchResult(scenario, $"saturation c={concurrency}"), batch, webhooks, before);
    }

    private async Task<BenchResult> CompleteAsync(BenchResult result, CommandBatch batch, LoadRun webhooks, ProcessSample before)
    {
        var missing = await arrivals.WaitForAllAsync(batch.Customers, ArrivalDeadline);
        var after = bot.Sample();
        var latencies = new List<double>();
        var duplicates = 0;
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < batch.Customers.Length; i++)
        {
            var got = arrivals.To(batch.Customers[i]);
            if (got.Count == 0) continue;
            duplicates += got.Count - 1;
            latencies.Add((got[0] - batch.SentAt[i]).TotalMilliseconds);
            if (got[0] > last) last = got[0];
        }
        var seconds = latencies.Count == 0 ? 0 : (last - batch.SentAt.Min()).TotalSeconds;
        var created = await bot.ScalarAsync("SELECT count(*) FROM invoices WHERE description = @d", new { d = batch.Description });
        var distinct = await bot.ScalarAsync("SELECT count(DISTINCT msisdn) FROM invoices WHERE description = @d", new { d = batch.Description });

        var e2e = new LoadRun([.. latencies], webhooks.Errors + missing, seconds);
        var r = result.WithLatencies(e2e).WithBot(before, after);
        r.Checks["webhook_p99_ms"] = webhooks.Percentile(99);
        r.Checks["invoices"] = created;
        r.Checks["missing"] = missing;
        r.Checks["duplicates"] = duplicates + (created - distinct);
        return r with { Passed = created == batch.Customers.Length && distinct == created && duplicates == 0 && missing == 0 };
    }

    private CommandBatch Batch(string tag, int count)
    {
        var description = $"Bench {tag} {++batches}";
        var customers = new string[count];
        var bodies = new SignedBody[count];
        for (var i = 0; i < count; i++)
        {
            var k = nextCustomer++;
            var local = "07" + (10_000_000 + k).ToString(CultureInfo.InvariantCulture);
            customers[i] = "254" + local[1..];
            var text = $"invoice {local} 1500 {description}";
            bodies[i] = BenchHttp.WhatsAppText(Seed.MerchantPhone(k % merchants), text, $"wamid.inv-{k}", BotUnderTest.AppSecret);
        }
        return new CommandBatch(description, customers, bodies, new DateTimeOffset[count]);
    }

    public void Dispose() => http.Dispose();

    private sealed record CommandBatch(string Description, string[] Customers, SignedBody[] Bodies, DateTimeOffset[] SentAt);
}
