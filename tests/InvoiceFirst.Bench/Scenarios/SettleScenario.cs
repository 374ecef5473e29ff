using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InvoiceFirst.Bench.Hosting;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Thousands of live STK payments (created through the API, pushed to the fake Daraja), then each
/// one's success callback delivered three times, shuffled, to the callback URL the bot gave in its
/// push: callbacks and settlements per second; exactly one settlement and one receipt pair each.
/// </summary>
public static class SettleScenario
{
    /// <param name="Warmup">Payments settled (with their receipts) before the measured ones, so that the callback path is compiled.</param>
    public sealed record Options(int Payments = 3_000, int Concurrency = 64, int Copies = 3, bool WithFloor = true, int Warmup = 2_000);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Payer and merchant have not written within 24 hours (the invoices come from the API), so the
    /// receipts go by SMS: its pacing (20/s) and the per-merchant daily SMS cap (500) are lifted,
    /// as WhatsApp's is, so that the bot is what is measured.
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new(InvoicesScenario.Unpaced)
    {
        ["AfricasTalking:MessagesPerSecond"] = "100000",
        ["Sms:DailyCapPerMerchant"] = "1000000",
    };

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var floor = o.WithFloor ? await IngestScenario.FloorAsync(new(Concurrency: o.Concurrency), log) : null;
        var settle = await SettleAsync(o, log);
        if (floor is null) return [settle];
        // The target's measure: settlements per second against the webhooks per second the floor takes.
        settle.Checks["settlements_vs_floor"] = Math.Round(settle.Checks["settlements_per_s"] / floor.Throughput, 3);
        return [floor, settle];
    }

    private static async Task<BenchResult> SettleAsync(Options o, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_settle");
        await using var bot = await BotUnderTest.StartAsync(connectionString, Settings);
        using var http = BenchHttp.Client(bot.BaseUrl, o.Concurrency);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BotUnderTest.ApiKey);

        var total = o.Warmup + o.Payments;
        log.WriteLine($"settle: creating {total} invoices and STK pushes through the API");
        var setup = await LoadGenerator.ClosedAsync(total, o.Concurrency, i => StartPaymentAsync(http, i));
        if (setup.Errors > 0) throw new InvalidOperationException($"{setup.Errors} payments could not be started\n{bot.Process.Output[^4000..]}");
        await bot.Daraja.WaitForStkPushesAsync(total, Deadline);
        // The fake records a push when it arrives; the bot stores Daraja's checkout id after the answer.
        await bot.UntilCountAsync("SELECT count(*) FROM payments WHERE status = 'INITIATED' AND checkout_request_id IS NOT NULL", total, Deadline);
        var (warmup, callbacks) = await CallbacksAsync(bot, o);

        if (warmup.Length > 0)
        {
            log.WriteLine($"settle: warm-up, {warmup.Length} callbacks of {o.Warmup} payments");
            await LoadGenerator.ClosedAsync(warmup.Length, o.Concurrency, i => PostCallbackAsync(http, warmup[i]));
            await bot.UntilCountAsync("SELECT count(*) FROM payments WHERE status = 'SUCCESS'", o.Warmup, Deadline);
            await DrainedAsync(bot);
        }
        log.WriteLine($"settle: {callbacks.Length} callbacks ({o.Copies} per payment, shuffled), {o.Concurrency} connections");
        var before = bot.Sample();
        var databaseBefore = await DatabaseCpu.SecondsAsync(bot.ConnectionString);
        var benchBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var startedAt = DateTimeOffset.UtcNow;
        var run = await LoadGenerator.ClosedAsync(callbacks.Length, o.Concurrency, i => PostCallbackAsync(http, callbacks[i]));
        // Polled seldom, since each count scans the payments on the box it measures; the time is the last settlement's own.
        var settled = await bot.UntilCountAsync("SELECT count(*) FROM payments WHERE status = 'SUCCESS'", total, Deadline,
            every: TimeSpan.FromMilliseconds(500)) - o.Warmup;
        var lastSettled = await bot.LatestAsync("SELECT max(settled_at) FROM payments WHERE status = 'SUCCESS'");
        var settleSeconds = ((lastSettled ?? DateTimeOffset.UtcNow) - startedAt).TotalSeconds;
        await DrainedAsync(bot);
        var after = bot.Sample();
        var databaseCpu = await DatabaseCpu.SecondsAsync(bot.ConnectionString) - databaseBefore;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchBefore;

        var result = new BenchResult("settle", $"{o.Payments} payments x{o.Copies}").WithLatencies(run).WithBot(before, after);
        var doubles = await bot.ScalarAsync("SELECT count(*) FROM (SELECT invoice_id FROM payments WHERE status = 'SUCCESS' GROUP BY invoice_id HAVING count(*) > 1) d");
        var paid = await bot.ScalarAsync("SELECT count(*) FROM invoices WHERE status = 'PAID'");
        var receiptPairs = await bot.ScalarAsync("""
            SELECT count(*) FROM (SELECT invoice_id FROM outbox WHERE purpose = 'receipt' GROUP BY invoice_id
                                  HAVING count(*) = 2 AND count(DISTINCT recipient) = 2) r
            """);
        var receipts = await bot.ScalarAsync("SELECT count(*) FROM outbox WHERE purpose = 'receipt'");
        // Outside the 24-hour window receipts go by SMS: every sent row reached its provider once.
        var sentRows = await bot.ScalarAsync("SELECT count(*) FROM outbox WHERE provider IN ('whatsapp', 'africastalking') AND provider_message_id IS NOT NULL");
        var atProviders = bot.Graph.Requests.Count + bot.Sms.Requests.Count;
        var receiptsSent = await bot.ScalarAsync("SELECT count(*) FROM outbox WHERE purpose = 'receipt' AND provider_message_id IS NOT NULL");

        result.Checks["settled"] = settled;
        result.Checks["jit_cpu_share"] = after.JitShareSince(before);
        result.Checks["settlements_per_s"] = Math.Round(settled / settleSeconds, 1);
        // CPU per settlement: the bot's, the database server's, and this process's (the load generator and the fakes).
        result.Checks["cpu_ms_per_settlement"] = Math.Round((after.CpuSeconds - before.CpuSeconds) * 1000 / o.Payments, 2);
        if (databaseCpu is { } db) result.Checks["db_cpu_ms_per_settlement"] = Math.Round(db * 1000 / o.Payments, 2);
        result.Checks["bench_cpu_ms_per_settlement"] = Math.Round(benchCpu.TotalMilliseconds / o.Payments, 2);
        result.Checks["double_settlements"] = doubles;
        result.Checks["paid_invoices"] = paid;
        result.Checks["receipt_pairs"] = receiptPairs;
        result.Checks["receipts"] = receipts;
        result.Checks["receipts_sent"] = receiptsSent;
        result.Checks["provider_sends_vs_rows"] = atProviders - sentRows;
        return result with
        {
            Passed = settled == o.Payments && doubles == 0 && paid == total && receiptPairs == total
                && receipts == 2L * total && receiptsSent == receipts && atProviders == sentRows,
        };
    }

    private static async Task<bool> StartPaymentAsync(HttpClient http, int i)
    {
        var msisdn = "07" + (30_000_000 + i).ToString(CultureInfo.InvariantCulture);
        using var created = await http.PostAsJsonAsync("/invoices", new Dictionary<string, object>
        {
            ["msisdn"] = msisdn, ["amount_cents"] = 100_00 + i % 50 * 100, ["description"] = "Bench settle",
        });
        if (!created.IsSuccessStatusCode) return false;
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/stk/initiate")
        {
            Content = JsonContent.Create(new Dictionary<string, object?> { ["invoice_id"] = id }),
        };
        request.Headers.Add("Idempotency-Key", "bench-" + i);
        using var started = await http.SendAsync(request);
        return started.StatusCode == System.Net.HttpStatusCode.Accepted;
    }

    private sealed record Callback(string Url, string Body);

    private static Task DrainedAsync(BotUnderTest bot) =>
        bot.UntilCountAsync("SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM outbox WHERE status IN ('PENDING', 'SENDING')", 1, Deadline);

    /// <summary>
    /// Each payment's success callback, <c>Copies</c> times, shuffled with a fixed seed: those of the first
    /// <c>Warmup</c> payments for the warm-up, the rest for the measured run.
    /// </summary>
    private static async Task<(Callback[] Warmup, Callback[] Measured)> CallbacksAsync(BotUnderTest bot, Options o)
    {
        var urls = bot.Daraja.StkPushes
            .Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("CallBackURL").GetString()!)
            .ToDictionary(u => u[(u.LastIndexOf('/') + 1)..]);
        await using var c = new NpgsqlConnection(bot.ConnectionString);
        var live = (await c.QueryAsync<(long Id, string CallbackToken, string CheckoutRequestId, long AmountCents)>(
            "SELECT id, callback_token, checkout_request_id, amount_cents FROM payments WHERE status = 'INITIATED' AND checkout_request_id IS NOT NULL")).ToList();
        if (live.Count != o.Warmup + o.Payments) throw new InvalidOperationException($"{live.Count} live payments, expected {o.Warmup + o.Payments}");

        Callback[] Shuffled(IEnumerable<(long Id, string CallbackToken, string CheckoutRequestId, long AmountCents)> payments)
        {
            var all = payments.SelectMany(p =>
            {
                // Live mode confirms a success callback with an STK Query; Daraja's answer by then is "paid".
                bot.Daraja.SetQueryResult(p.CheckoutRequestId, "0", "The service request is processed successfully.");
                var body = FakeDarajaCallbacks.Success(p.CheckoutRequestId, p.AmountCents / 100m, receipt: "BN" + p.Id.ToString("D8", CultureInfo.InvariantCulture));
                return Enumerable.Repeat(new Callback(urls[p.CallbackToken], body), o.Copies);
            }).ToArray();
            new Random(42).Shuffle(all);
            return all;
        }
        return (Shuffled(live.Take(o.Warmup)), Shuffled(live.Skip(o.Warmup)));
    }

    private static async Task<bool> PostCallbackAsync(HttpClient http, Callback callback)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = new StringContent(callback.Body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");
        request.Headers.TryAddWithoutValidation("BusinessShortCode", "174379");
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }
}
