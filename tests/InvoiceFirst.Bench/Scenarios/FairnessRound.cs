using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// One merchant creates a burst of invoices through the API at once; when all are accepted, another
/// merchant creates one. At WhatsApp's default 80 messages/s the burst takes its time to go out; the
/// figure is how long the second merchant's customer waited for its invoice (target ≤ 2 s).
/// </summary>
public static class FairnessRound
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private const string SingleCustomer = "254750000001";

    /// <summary>
    /// WhatsApp at its real default pace; the merchants' confirmations go by SMS (API-created, the
    /// merchant has not written within 24 hours), whose pace and daily cap are lifted as in <c>settle</c>.
    /// The sends in flight stay at what the real default limits give (55): lifting the SMS pace would
    /// otherwise raise them to 1,024, and claimed rows wait for the WhatsApp limiter in claim order,
    /// so the single invoice would queue there behind every row of the burst claimed so far (up to 1,024;
    /// the first run, without this, measured 2.7 s behind the last 216).
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["WhatsApp:MessagesPerSecond"] = "80",
        ["AfricasTalking:MessagesPerSecond"] = "100000",
        ["Sms:DailyCapPerMerchant"] = "1000000",
        ["Outbox:MaxParallelism"] = "55",
    };

    public static async Task<BenchResult> RunAsync(int burst, int concurrency, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_merchants_fair");
        await Seed.MerchantsAsync(connectionString, 2);
        await using var bot = await BotUnderTest.StartAsync(connectionString, Settings);
        var bursting = await bot.ScalarAsync("SELECT id FROM merchants WHERE phone = @p", new { p = Seed.MerchantPhone(0) });
        var single = await bot.ScalarAsync("SELECT id FROM merchants WHERE phone = @p", new { p = Seed.MerchantPhone(1) });
        using var http = BenchHttp.Client(bot.BaseUrl, concurrency);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BotUnderTest.ApiKey);
        var arrivals = new GraphArrivals(bot.Graph);

        log.WriteLine($"merchants: one merchant creates {burst} invoices at once ({concurrency} connections), WhatsApp at 80/s");
        var before = bot.Sample();
        var burstCustomers = Enumerable.Range(0, burst).Select(i => "2547" + (60_000_000 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
        var created = await LoadGenerator.ClosedAsync(burst, concurrency, i => CreateAsync(http, bursting, burstCustomers[i]));
        arrivals.Update();
        var burstSentBefore = burstCustomers.Count(c => arrivals.To(c).Count > 0);

        var queuedAt = DateTimeOffset.UtcNow;
        var singleOk = await CreateAsync(http, single, SingleCustomer);
        var singleMissing = await arrivals.WaitForAllAsync(new Dictionary<string, int> { [SingleCustomer] = 1 }, new Dictionary<string, int>(), Deadline);
        var delay = singleMissing == 0 ? (arrivals.To(SingleCustomer)[0] - queuedAt).TotalMilliseconds : double.NaN;
        arrivals.Update();
        var burstLeft = burstCustomers.Count(c => arrivals.To(c).Count == 0);
        log.WriteLine($"merchants: the single invoice arrived after {delay:F0} ms, with {burstLeft} of the burst still to go");

        var missing = await arrivals.WaitForAllAsync(burstCustomers.ToDictionary(c => c, _ => 1), new Dictionary<string, int>(), Deadline);
        var after = bot.Sample();
        var times = burstCustomers.SelectMany(arrivals.To).Order().ToList();
        var duplicates = burstCustomers.Sum(c => Math.Max(0, arrivals.To(c).Count - 1)) + Math.Max(0, arrivals.To(SingleCustomer).Count - 1);
        var seconds = times.Count > 1 ? (times[^1] - times[0]).TotalSeconds : 0;

        var result = new BenchResult("merchants", $"fairness: {burst} at once, then 1, WhatsApp 80/s")
        {
            Count = times.Count,
            Seconds = Math.Round(seconds, 2),
            Throughput = seconds > 0 ? (times.Count - 1) / seconds : 0,
            Errors = created.Errors + (singleOk ? 0 : 1) + missing + singleMissing,
        }.WithBot(before, after);
        result.Checks["single_delay_ms"] = Math.Round(delay);
        result.Checks["burst_sent_before_single"] = burstSentBefore;
        result.Checks["burst_left_when_single_arrived"] = burstLeft;
        result.Checks["missing"] = missing + singleMissing;
        result.Checks["duplicates"] = duplicates;
        // Like dispatch's band, the target is what this case is for: missing it fails the case.
        return result with { Passed = missing + singleMissing == 0 && duplicates == 0 && created.Errors == 0 && singleOk && delay <= 2_000 };
    }

    private static async Task<bool> CreateAsync(HttpClient http, long merchantId, string msisdn)
    {
        using var response = await http.PostAsJsonAsync($"/invoices?merchant_id={merchantId}", new Dictionary<string, object>
        {
            ["msisdn"] = "0" + msisdn[3..], ["amount_cents"] = 150_000, ["description"] = "Bench fairness",
        });
        return response.IsSuccessStatusCode;
    }
}
