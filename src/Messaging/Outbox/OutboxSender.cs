using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.MessageLog;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Workers;
using InvoiceFirst.Messaging.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Takes one claimed row along its channel chain: retries "retry later" answers on the same
/// provider with backoff, moves on at once when a channel cannot reach the person or its
/// provider's breaker is open (<see cref="ProviderGate"/>), and never sends again on a provider
/// whose outcome is unknown.
/// </summary>
public sealed class OutboxSender(
    Db db,
    OutboxDispatchRepository rows,
    MessageLogRepository messageLog,
    ChannelChain chains,
    ProviderGate gate,
    IDeliveryEvents events,
    SmsCap smsCap,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <param name="ct">Stops waiting for a rate slot; a provider call once started is always finished.</param>
    public async Task SendAsync(OutboxEntry entry, CancellationToken ct)
    {
        var message = OutboxRepository.Deserialize(entry.Payload);
        var tried = TriedProviders.Parse(entry.TriedProviders);
        var attempts = entry.Attempts;
        var skippedOpen = false;
        // Within the lease the dispatcher took on this row, with room to spare (see OutcomeRecorder).
        var recordUntil = clock.GetUtcNow() + options.Value.Lease * 0.9;
        Task Record(Func<Task> write) => OutcomeRecorder.RecordAsync(write, recordUntil, clock, logger, entry.Id);
        foreach (var channel in chains.For(entry, message).Where(c => !tried.Contains(c.Provider)))
        {
            if (channel.Kind == ChannelNames.Sms && !await smsCap.TryTakeAsync(entry, CancellationToken.None))
            {
                tried = tried.Add(channel.Provider);
                entry = entry with { LastError = "sms_cap" };
                continue;
            }
            if (gate.IsOpen(channel.Provider))
            {
                skippedOpen = true;
                continue;
            }
            var mark = StartMark.NotWritten;
            async Task<bool> MarkStartedAsync()
            {
                try
                {
                    mark = await rows.MarkStartedAsync(entry.Id, entry.LockedUntil, channel.Provider, clock.GetUtcNow(), CancellationToken.None)
                        ? StartMark.Written : StartMark.NotOurs;
                }
                catch (Exception ex) when (Db.IsUnavailable(ex))
                {
                    mark = StartMark.DatabaseDown;
                }
                return mark == StartMark.Written;
            }

            var sent = await gate.SendAsync(channel, entry, message, MarkStartedAsync, ct);
            if (mark == StartMark.NotOurs) return;
            if (mark == StartMark.DatabaseDown)
            {
                // The mark may have been stored with its answer lost; nothing was sent, so the row goes back as never started.
                await Record(() => rows.RescheduleAsync(entry.Id, entry.LockedUntil, attempts, tried.ToString(), clock.GetUtcNow(), entry.LastError, clock.GetUtcNow(), CancellationToken.None));
                return;
            }
            if (sent is not { } result)
            {
                // Another send holds the half-open breaker's one trial, so nothing was sent here. The
                // next channel's start mark replaces this one, or the reschedule below clears it.
                skippedOpen = true;
                continue;
            }
            if (result.Outcome == SendOutcome.Accepted)
            {
                // The common case in one transaction: the log line, the row and what the send means.
                await Record(() => db.InTransactionAsync(async (c, t) =>
                {
                    await MessageLogRepository.AddAsync(c, t, LogEntry(entry, channel, result), CancellationToken.None);
                    if (await OutboxDispatchRepository.MarkSentAsync(c, t, entry.Id, entry.LockedUntil, channel.Provider, result.ProviderMessageId, clock.GetUtcNow(), CancellationToken.None))
                        await events.OnAcceptedAsync(c, t, entry, CancellationToken.None);
                }, CancellationToken.None));
                return;
            }
            await Record(() => messageLog.AddAsync(LogEntry(entry, channel, result), CancellationToken.None));
            switch (result.Outcome)
            {
                case SendOutcome.RetryLater when attempts + 1 < options.Value.MaxAttemptsPerProvider:
                    var retryAt = clock.GetUtcNow() + RetryDelay(attempts + 1, result.RetryAfter);
                    await Record(() => rows.RescheduleAsync(entry.Id, entry.LockedUntil, attempts + 1, tried.ToString(), retryAt, result.ErrorCode, clock.GetUtcNow(), CancellationToken.None));
                    return;
                case SendOutcome.Unknown:
                    var answeredAt = clock.GetUtcNow();
                    await Record(() => GiveUpUnknownAsync(entry, message, channel.Provider, tried.Add(channel.Provider, unknown: true), result.ErrorCode, answeredAt));
                    return;
                case SendOutcome.ConfigurationError:
                    logger.LogError("Outbox {OutboxId}: {Provider} configuration error {ErrorCode}; trying the next channel",
                        entry.Id, channel.Provider, result.ErrorCode);
                    break;
            }
            tried = tried.Add(channel.Provider);
            attempts = 0;
            entry = entry with { LastError = result.ErrorCode };
        }

        var now = clock.GetUtcNow();
        if (skippedOpen)
            await Record(() => rows.RescheduleAsync(entry.Id, entry.LockedUntil, attempts, tried.ToString(), now + Cap(options.Value.BreakerCooldown, TimeSpan.FromSeconds(5)),
                "circuit_open", now, CancellationToken.None));
        else
            await Record(() => GiveUpAsync(entry, tried, now));
    }

    /// <summary>A row whose send started and never finished (crash or lost lease): treated like a timeout.</summary>
    public Task ResolveUnknownAsync(OutboxEntry entry)
    {
        var message = OutboxRepository.Deserialize(entry.Payload);
        var tried = entry.Provider is null ? TriedProviders.Parse(entry.TriedProviders)
            : TriedProviders.Parse(entry.TriedProviders).Add(entry.Provider, unknown: true);
        return GiveUpUnknownAsync(entry, message, entry.Provider, tried, "interrupted", entry.SendStartedAt ?? clock.GetUtcNow());
    }

    private async Task GiveUpUnknownAsync(OutboxEntry entry, OutboundMessage message, string? provider, TriedProviders tried, string? code, DateTimeOffset since)
    {
        var now = clock.GetUtcNow();
        var more = chains.For(entry, message).Any(c => !tried.Contains(c.Provider));
        logger.LogWarning("Outbox {OutboxId}: outcome unknown on {Provider} ({ErrorCode}); {Next}",
            entry.Id, provider, code, more ? "waiting for a report before the next channel" : "no other channel");
        if (more)
        {
            var at = since + options.Value.UnknownOutcomeWait;
            await rows.RescheduleAsync(entry.Id, entry.LockedUntil, 0, tried.ToString(), at > now ? at : now, "unknown:" + code, now, CancellationToken.None);
            return;
        }
        await MarkDeadUnknownAsync(entry, tried, now);
    }

    private async Task GiveUpAsync(OutboxEntry entry, TriedProviders tried, DateTimeOffset now)
    {
        if (tried.AnyUnknown)
        {
            // It may have arrived: telling the merchant it did not would be wrong.
            await MarkDeadUnknownAsync(entry, tried, now);
            return;
        }
        var reason = "undeliverable:" + (entry.LastError ?? "no_channel");
        logger.LogWarning("Outbox {OutboxId} ({Purpose}) could not be delivered on any channel: {Reason}", entry.Id, entry.Purpose, reason);
        await db.InTransactionAsync(async (c, t) =>
        {
            if (!await OutboxDispatchRepository.MarkDeadAsync(c, t, entry.Id, entry.LockedUntil, tried.ToString(), reason, now, CancellationToken.None)) return;
            await MessageFailedAsync(c, t, entry, reason, now);
            await events.OnUndeliverableAsync(c, t, entry, CancellationToken.None);
        }, CancellationToken.None);
    }

    private Task MarkDeadUnknownAsync(OutboxEntry entry, TriedProviders tried, DateTimeOffset now) =>
        db.InTransactionAsync(async (c, t) =>
        {
            if (await OutboxDispatchRepository.MarkDeadAsync(c, t, entry.Id, entry.LockedUntil, tried.ToString(), "outcome_unknown", now, CancellationToken.None))
                await MessageFailedAsync(c, t, entry, "outcome_unknown", now);
        }, CancellationToken.None);

    private static Task MessageFailedAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, OutboxEntry entry, string reason, DateTimeOffset now) =>
        EventRepository.AddAsync(c, t, EventTypes.MessageFailed, now, entry.InvoiceId, outboxId: entry.Id, status: reason,
            merchantId: entry.MerchantId, ct: CancellationToken.None);

    private MessageLogEntry LogEntry(OutboxEntry entry, IMessageChannel channel, SendResult result) =>
        new()
        {
            OutboxId = entry.Id,
            InvoiceId = entry.InvoiceId,
            Channel = channel.Kind,
            Direction = "out",
            Event = "send",
            Provider = channel.Provider,
            ProviderMessageId = result.ProviderMessageId,
            Status = result.Outcome.ToString().ToLowerInvariant(),
            ErrorCode = result.ErrorCode,
            CreatedAt = clock.GetUtcNow(),
        };

    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var o = options.Value;
        var jittered = Backoff.Exponential(attempt, o.RetryBaseDelay, o.RetryMaxDelay, jitter: 0.5);
        return retryAfter is { } ra && ra > jittered ? Cap(ra, o.RetryMaxDelay) : jittered;
    }

    private static TimeSpan Cap(TimeSpan value, TimeSpan max) => value > max ? max : value;

    private enum StartMark { NotWritten, Written, NotOurs, DatabaseDown }
}
