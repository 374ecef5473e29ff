using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Payouts;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>
/// Once a Nairobi day, at <c>Platform:PayoutSchedule:At</c>, records one payout per eligible merchant (the clock is the
/// injected <see cref="TimeProvider"/>). Several instances may run it: the unique (merchant, day) index keeps it once, and
/// a run missed while down happens at the next start of that day.
/// </summary>
public sealed class PayoutScheduleWorker(Db db, PayoutRecorder recorder, IOptions<PayoutScheduleOptions> options, TimeProvider clock,
    ILogger<PayoutScheduleWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || !o.TryGetTime(out var at)) return;
        DateOnly? done = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.CheckSeconds)), clock);
        do
        {
            if (PayoutScheduleOptions.DueDay(clock.GetUtcNow(), at, done) is not { } day) continue;
            try
            {
                await RunAsync(day, o.MinimumKes, stoppingToken);
                done = day;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Payout schedule for {Day} failed: {Error}; trying again at the next check", day, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The run of one day: a payout for each active collection-route merchant with enough available, none twice.</summary>
    public async Task<int> RunAsync(DateOnly day, long minimumKes, CancellationToken ct)
    {
        IReadOnlyList<long> merchants;
        await using (var c = await db.OpenAsync(ct))
            merchants = await PayoutRepository.UnpaidForDayAsync(c, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct);
        var recorded = 0;
        foreach (var merchant in merchants)
            if (await recorder.RecordScheduledAsync(merchant, day, minimumKes, ct) is not null) recorded++;
        logger.LogInformation("Payout schedule for {Day}: {Recorded} payouts recorded", day, recorded);
        return recorded;
    }
}
