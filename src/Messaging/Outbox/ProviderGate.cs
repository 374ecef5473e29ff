using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Telemetry;
using InvoiceFirst.Messaging.Channels;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// What stands between the outbox and a provider: its send rate limit and its one breaker
/// (<see cref="ProviderHealth"/>). Every request that reaches the provider is timed and counted
/// for its health, and a change of health is announced on the live view.
/// </summary>
public sealed class ProviderGate(
    SendRateLimits limits,
    ProviderHealth health,
    EventRepository liveEvents,
    TimeProvider clock,
    ILogger<ProviderGate> logger)
{
    /// <summary>Read before a send is marked started, so that an open breaker costs no database write.</summary>
    public bool IsOpen(string provider) => health.IsOpen(provider);

    /// <param name="markStarted">
    /// Writes that the request is leaving, once a rate slot is free and right before the request: a process killed while
    /// waiting for the slot leaves a row that never started (sent again, safely), not one of unknown outcome. False: the
    /// row is no longer ours, and nothing is sent.
    /// </param>
    /// <returns>Null when nothing was sent: the breaker turned the send away, or the row is no longer ours.</returns>
    public async Task<SendResult?> SendAsync(IMessageChannel channel, OutboxEntry entry, OutboundMessage message, Func<Task<bool>> markStarted,
        CancellationToken ct)
    {
        var limiter = limits.For(channel, entry);
        var before = health.Status(channel.Provider);
        long started = 0;
        long? ticket = null;
        var requestLeft = false;
        SendResult result;
        try
        {
            result = await channel.SendAsync(entry, message, async request =>
            {
                // Only the wait for a rate slot is cancellable: a send cut off half-way is an unknown outcome.
                ticket = await limiter.WaitAsync(ct);
                if (!await markStarted()) throw new NotOursAnyMore();
                return await health.ExecuteAsync(channel.Provider, async () =>
                {
                    started = clock.GetTimestamp();
                    requestLeft = true;
                    try
                    {
                        return await request();
                    }
                    catch (Exception ex)
                    {
                        // Inside the breaker: a request that failed this way may have arrived, and counts against the provider.
                        return SendResult.Unknown("exception", $"{channel.Provider}: {ex.GetType().Name}");
                    }
                });
            }, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is BrokenCircuitException or NotOursAnyMore)
        {
            return null;
        }
        catch (Exception ex) when (!requestLeft)
        {
            // Failed before the provider call (the 24-hour window lookup while the database is down): nothing
            // was sent, so it is safe to try again, and the provider is not to blame for it.
            return SendResult.RetryLater("not_sent", $"{channel.Provider}: {ex.GetType().Name} before the request");
        }
        finally
        {
            if (ticket is { } answered) limiter.Answered(answered);
        }
        InvoiceFirstMetrics.Sends.WithLabels(channel.Provider, result.Outcome.ToString()).Inc();
        // Answered by the channel itself (no way to reach this person): the provider was not asked.
        if (!requestLeft) return result;

        health.Record(channel.Provider, result.Outcome, clock.GetElapsedTime(started));
        var after = health.Status(channel.Provider);
        if (after != before)
        {
            // A notice for the live view only: the send's outcome matters more than this row, so a database blip skips it.
            try { await liveEvents.AddAsync(EventTypes.ProviderStatusChanged, clock.GetUtcNow(), channel.Provider, after, CancellationToken.None); }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning("Provider {Provider} is now {Status}; live event not stored ({Error})", channel.Provider, after, ex.GetType().Name);
            }
        }
        return result;
    }

    /// <summary>The start mark found the row claimed by another (its lease ran out): this send stops before the request.</summary>
    private sealed class NotOursAnyMore : Exception;
}
