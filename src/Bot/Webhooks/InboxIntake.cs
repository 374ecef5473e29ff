using InvoiceFirst.Data.Database;
using InvoiceFirst.Bot.Inbox;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Telemetry;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Stores parsed webhook events and says how to answer the provider: 200 once stored (a
/// redelivery is stored zero times and still answered 200), 503 when the database cannot take
/// them so that the provider retries.
/// </summary>
public sealed class InboxIntake(InboxRepository inbox, InboxSignal signal, TimeProvider clock, ILogger<InboxIntake> logger)
{
    public async Task<bool> StoreAsync(IReadOnlyList<InboundEvent> events, CancellationToken ct)
    {
        try
        {
            var stored = await inbox.StoreAsync(events, clock.GetUtcNow(), ct);
            if (stored > 0) signal.Notify();
            Count(events, "stored", stored);
            Count(events, "duplicate", events.Count - stored);
            logger.LogDebug("Webhook: {Received} event(s), {Stored} new", events.Count, stored);
            return true;
        }
        catch (Exception ex) when (Db.IsUnavailable(ex))
        {
            logger.LogError("Webhook events not stored, asking the provider to retry: {Error}", ex.GetType().Name);
            Count(events, "unavailable", events.Count);
            return false;
        }
    }

    private static void Count(IReadOnlyList<InboundEvent> events, string outcome, int count)
    {
        if (count > 0)
            InvoiceFirstMetrics.WebhookEvents.WithLabels(events[0].Provider, outcome).Inc(count);
    }

    public static IResult Unavailable() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unable to store events; retry later");
}
