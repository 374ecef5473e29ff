using System.Globalization;
using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Merchant one-line commands end to end, from the signed webhook until the fake Graph receives
/// the customer's invoice. By default every command invoices a customer number of its own; with
/// <paramref name="customersPerMerchant"/> each merchant invoices its own few customers in turn
/// (<see cref="Seed.CustomerPhone"/>). A customer's n-th command of a batch is matched with the n-th
/// invoice it receives in that batch, and an arrival beyond the batch's commands is a duplicate.
/// </summary>
public sealed class InvoiceLoad(BotUnderTest bot, int merchants, int concurrency, TextWriter log, int customersPerMerchant = 0) : IDisposable
{
    private static readonly TimeSpan ArrivalDeadline = TimeSpan.FromSeconds(60);
    private readonly HttpClient http = BenchHttp.Client(bot.BaseUrl, concurrency);
    private readonly GraphArrivals arrivals = new(bot.Graph);
    private int nextCustomer;
    private int batches;

    /// <summary>Rounds of <paramref name="batch"/> commands at saturation until steady (<see cref="SteadyState"/>); returns the commands it took.</summary>
    public async Task<int> WarmupAsync(int batch) =>
        batch * await SteadyState.WarmUpAsync("invoice load", async _ => (await SaturationAsync("warmup", batch)).Checks["jit_cpu_share"], log);

    public async Task<BenchResult> FixedRateAsync(string scenario, double perSecond, int seconds)
    {
        var batch = Batch($"{scenario}-rate", (int)(perSecond * seconds));
        log.WriteLine($"{scenario}: {batch.Bodies.Length} commands at {perSecond}/s offered");
        var before = await StartAsync();
        var webhooks = await LoadGenerator.OpenAsync(batch.Bodies.Length, perSecond,
            i => BenchHttp.PostSignedAsync(http, "/whatsapp/webhook", batch.Bodies[i]), (i, at) => batch.SentAt[i] = at);
        return await CompleteAsync(new BenchResult(scenario, $"{perSecond}/s offered"), batch, webhooks, before);
    }

    public async Task<BenchResult> SaturationAsync(string scenario, int count)
    {
        var batch = Batch($"{scenario}-sat", count);
        log.WriteLine($"{scenario}: {count} commands, {concurrency} connections (saturation)");
        var before = await StartAsync();
        var webhooks = await LoadGenerator.ClosedAsync(count, concurrency, i =>
        {
            batch.SentAt[i] = DateTimeOffset.UtcNow;
            return BenchHttp.PostSignedAsync(http, "/whatsapp/webhook", batch.Bodies[i]);
        });
        return await CompleteAsync(new BenchResult(scenario, $"saturation c={concurrency}"), batch, webhooks, before);
    }

    private async Task<(ProcessSample Bot, double? Database)> StartAsync() => (bot.Sample(), await DatabaseCpu.SecondsAsync(bot.ConnectionString));

    private async Task<BenchResult> CompleteAsync(BenchResult result, CommandBatch batch, LoadRun webhooks, (ProcessSample Bot, double? Database) before)
    {
        var expected = batch.Customers.CountBy(c => c).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var missing = await arrivals.WaitForAllAsync(expected, batch.Seen, ArrivalDeadline);
        var after = bot.Sample();
        var databaseCpu = await DatabaseCpu.SecondsAsync(bot.ConnectionString) - before.Database;
        var latencies = new List<double>();
        var nth = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < batch.Customers.Length; i++)
        {
            var customer = batch.Customers[i];
            var got = arrivals.To(customer);
            var n = batch.Seen.GetValueOrDefault(customer) + nth.GetValueOrDefault(customer);
            nth[customer] = nth.GetValueOrDefault(customer) + 1;
            if (n >= got.Count) continue;
            latencies.Add((got[n] - batch.SentAt[i]).TotalMilliseconds);
            if (got[n] > last) last = got[n];
        }
        var duplicates = expected.Sum(e => Math.Max(0, arrivals.To(e.Key).Count - batch.Seen.GetValueOrDefault(e.Key) - e.Value));
        var seconds = latencies.Count == 0 ? 0 : (last - batch.SentAt.Min()).TotalSeconds;
        var created = await bot.ScalarAsync("SELECT count(*) FROM invoices WHERE description = @d", new { d = batch.Description });
        // One invoice per command: the commands of a batch differ in merchant, customer or amount.
        var distinct = await bot.ScalarAsync(
            "SELECT count(*) FROM (SELECT DISTINCT merchant_id, msisdn, amount_cents FROM invoices WHERE description = @d) x", new { d = batch.Description });

        var e2e = new LoadRun([.. latencies], webhooks.Errors + missing, seconds);
        var r = result.WithLatencies(e2e).WithBot(before.Bot, after);
        r.Checks["webhook_p99_ms"] = webhooks.Percentile(99);
        r.Checks["jit_cpu_share"] = after.JitShareSince(before.Bot);
        // CPU per invoice end to end: the bot's, and the database server's (the rest is the load generator and the fakes).
        r.Checks["cpu_ms_per_invoice"] = Math.Round((after.CpuSeconds - before.Bot.CpuSeconds) * 1000 / batch.Customers.Length, 2);
        if (databaseCpu is { } db) r.Checks["db_cpu_ms_per_invoice"] = Math.Round(db * 1000 / batch.Customers.Length, 2);
        r.Checks["invoices"] = created;
        r.Checks["missing"] = missing;
        r.Checks["duplicates"] = duplicates + (created - distinct);
        return r with { Passed = created == batch.Customers.Length && distinct == created && duplicates == 0 && missing == 0 };
    }

    private CommandBatch Batch(string tag, int count)
    {
        arrivals.Update();
        var description = $"Bench {tag} {++batches}";
        var customers = new string[count];
        var bodies = new SignedBody[count];
        for (var i = 0; i < count; i++)
        {
            var k = nextCustomer++;
            var merchant = k % merchants;
            var round = k / merchants;
            var local = customersPerMerchant == 0
                ? "07" + (10_000_000 + k).ToString(CultureInfo.InvariantCulture)
                : "0" + Seed.CustomerPhone(merchant, round % customersPerMerchant, customersPerMerchant)[3..];
            // A merchant's second invoice to one customer in a batch differs in amount, so it is not a duplicate to confirm.
            var amount = 1500 + (customersPerMerchant == 0 ? 0 : round / customersPerMerchant);
            customers[i] = "254" + local[1..];
            var text = $"invoice {local} {amount} {description}";
            bodies[i] = BenchHttp.WhatsAppText(Seed.MerchantPhone(merchant), text, $"wamid.inv-{k}", BotUnderTest.AppSecret);
        }
        var seen = customers.Distinct(StringComparer.Ordinal).ToDictionary(c => c, c => arrivals.To(c).Count, StringComparer.Ordinal);
        return new CommandBatch(description, customers, bodies, new DateTimeOffset[count], seen);
    }

    public void Dispose() => http.Dispose();

    /// <param name="Seen">Invoices each customer had received before the batch.</param>
    private sealed record CommandBatch(string Description, string[] Customers, SignedBody[] Bodies, DateTimeOffset[] SentAt, Dictionary<string, int> Seen);
}
