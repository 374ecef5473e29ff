using System.Data.Common;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.MessageLog;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Logging;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Applies a provider's delivery report to the message it is about. Statuses only move forward
/// (read stays read, however late a 'delivered' arrives); a 'failed' report for a message that
/// could still go another way hands it to the fallback, exactly once, unless it comes too late.
/// </summary>
public sealed class DeliveryStatusHandler(
    ChannelChain chains, WhatsAppNumbers numbers, IDeliveryEvents events, TimeProvider clock, ILogger<DeliveryStatusHandler> logger)
{
    /// <summary>
    /// Meta keeps trying an undelivered message for days before it reports 'failed'. After this
    /// long, the message goes no other way: an invoice by SMS days later, perhaps paid another way
    /// by then, confuses more than it helps. The row stays FAILED for the merchant and operator to see.
    /// </summary>
    public static readonly TimeSpan FallbackWindow = TimeSpan.FromHours(24);

    public async Task HandleAsync(DbConnection c, DbTransaction t, DeliveryReport report, CancellationToken ct)
    {
        if (!DeliveryStatusNames.TryParse(report.Status, out var status)) return;
        var now = clock.GetUtcNow();
        // A WhatsApp report belongs to the number it came for: a wamid sent from another number is not this one's.
        var fromNumber = report.Provider == Providers.WhatsApp ? report.BusinessNumberId : null;
        var entry = await OutboxRepository.FindByProviderMessageIdAsync(c, t, report.MessageId, ct, fromNumber, numbers.IsShared(fromNumber));
        await MessageLogRepository.AddAsync(c, t, new MessageLogEntry
        {
            OutboxId = entry?.Id,
            InvoiceId = entry?.InvoiceId,
            Channel = report.Channel,
            Direction = "out",
            Event = "status",
            Provider = report.Provider,
            ProviderMessageId = report.MessageId,
            Status = report.Status,
            ErrorCode = report.ErrorCode,
            CreatedAt = now,
        }, ct);
        if (entry is null)
        {
            logger.LogInformation("Delivery report for a message we have no record of ({Provider})", report.Provider);
            return;
        }

        OutboxStatus? advance = status switch
        {
            DeliveryStatus.Sent => OutboxStatus.Sent,
            DeliveryStatus.Delivered => OutboxStatus.Delivered,
            DeliveryStatus.Read => OutboxStatus.Read,
            DeliveryStatus.Failed => OutboxStatus.Failed,
            _ => null,
        };
        if (advance is not { } next) return;
        // Only the report that moved SENT → FAILED acts: a repeated 'failed' changes nothing and sends nothing.
        if (!await OutboxRepository.AdvanceStatusAsync(c, t, entry.Id, next, report.ErrorCode, now, ct) || next != OutboxStatus.Failed)
            return;

        if (entry.SentAt is { } sentAt && now - sentAt > FallbackWindow)
        {
            logger.LogWarning("Outbox {OutboxId} ({Purpose}): {Provider} reported failed {Hours:0} h after the send; too late to send it another way",
                entry.Id, entry.Purpose, entry.Provider, (now - sentAt).TotalHours);
            return;
        }

        var tried = TriedProviders.Parse(entry.TriedProviders).Add(entry.Provider ?? report.Provider);
        var message = OutboxRepository.Deserialize(entry.Payload);
        if (chains.For(entry, message).Any(channel => !tried.Contains(channel.Provider)))
        {
            logger.LogInformation("Outbox {OutboxId}: {Provider} reported failed ({ErrorCode}); sending it the next way",
                entry.Id, entry.Provider, report.ErrorCode);
            await OutboxDispatchRepository.RequeueFailedAsync(c, t, entry.Id, tried.ToString(), now, ct);
            return;
        }
        logger.LogWarning("Outbox {OutboxId} ({Purpose}): {Provider} reported failed and no channel is left", entry.Id, entry.Purpose, entry.Provider);
        await events.OnUndeliverableAsync(c, t, entry, ct);
    }
}
