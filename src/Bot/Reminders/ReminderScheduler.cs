using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Reminders;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.Extensions.Options;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Reminders;

/// <summary>
/// One pass of scheduled work: expire invoices past their pay window, then queue the reminder steps
/// that have fallen due. Safe to run on any number of instances at once: expiry is a conditional
/// update over skip-locked rows, and each (invoice, step) is claimed by a unique row.
/// </summary>
public sealed class ReminderScheduler(
    Db db,
    ReminderRepository reminders,
    InvoiceMessages messages,
    OutboxSignal outbox,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger)
{
    // A step missed for longer than this (scheduler down) is skipped rather than sent late.
    private static readonly TimeSpan LastStepWindow = TimeSpan.FromDays(1);

    public async Task<ReminderRun> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var expired = 0;
        while (true)
        {
            var batch = await reminders.ExpireDueAsync(now, o.BatchSize, ct);
            expired += batch.Count;
            if (batch.Count < o.BatchSize) break;
        }
        if (expired > 0) logger.LogInformation("Expired {Count} unpaid invoices past their pay window", expired);

        // Deciding at send time (not queuing for the morning) means an invoice paid overnight gets no reminder.
        if (NairobiTime.IsWithin(now, o.QuietStartHour, o.QuietEndHour))
            return new ReminderRun(expired, 0);

        var steps = o.Steps();
        var queued = 0;
        var senders = new Dictionary<long, Merchant?>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            // A step is due from its time until the next step's: a missed one gives way to the next.
            var windowEnd = i + 1 < steps.Count ? steps[i + 1].Offset : step.Offset + LastStepWindow;
            var due = await reminders.ListDueAsync(step.Name, now - step.Offset, now - windowEnd, o.BatchSize, ct);
            foreach (var invoiceId in due)
            {
                if (await QueueAsync(invoiceId, step, now, senders, ct)) queued++;
            }
        }
        if (queued > 0)
        {
            outbox.Notify();
            logger.LogInformation("Queued {Count} automatic reminders", queued);
        }
        return new ReminderRun(expired, queued);
    }

    private Task<bool> QueueAsync(string invoiceId, ReminderStep step, DateTimeOffset now, Dictionary<long, Merchant?> senders,
        CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var invoice = await reminders.LockRemindableAsync(c, t, invoiceId, ct);
            if (invoice is null) return false;
            if (!senders.TryGetValue(invoice.MerchantId, out var merchant))
                senders[invoice.MerchantId] = merchant = await MerchantRepository.GetAsync(c, t, invoice.MerchantId, ct);
            if (merchant is null || !await ReminderRepository.ClaimStepAsync(c, t, invoice.Id, step.Name, now, ct)) return false;
            await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(invoice.Msisdn, OutboxPurpose.Reminder,
                await messages.ReminderAsync(c, t, merchant, invoice, ct), $"reminder:{invoice.Id}:{step.Name}", now, merchant.Id, invoice.Id), ct);
            return true;
        }, ct);
}

/// <summary>What one pass did.</summary>
public sealed record ReminderRun(int Expired, int RemindersQueued);
