using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Limits;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Inbox;

/// <summary>Sends each stored event to the one handler it belongs to.</summary>
public sealed class InboundEventRouter(
    MerchantRepository merchants,
    MerchantChat merchantChat,
    CustomerChat customerChat,
    DeliveryStatusHandler statuses,
    StkCallbackHandler stkCallbacks,
    C2bConfirmationHandler c2b,
    TxStatusResultHandler txStatus,
    SenderLimiter senders,
    IOptions<WhatsAppOptions> whatsApp,
    ILogger<InboundEventRouter> logger)
{
    public async Task RouteAsync(DbConnection c, DbTransaction t, InboundEvent inbound, CancellationToken ct)
    {
        if (!IsForOurNumber(inbound))
        {
            // Meta signed it, but for a number this deployment does not serve: kept in the inbox, acted on by no one.
            logger.LogWarning("WhatsApp event {EventId} ({Kind}) is for phone number id {PhoneNumberId}, not ours; stored without effect",
                inbound.EventId, inbound.Kind, inbound.BusinessNumberId ?? "(none)");
            return;
        }
        switch (inbound.Kind)
        {
            case InboundKind.Status:
                await statuses.HandleAsync(c, t, inbound, ct);
                return;
            case InboundKind.StkCallback:
                await stkCallbacks.HandleAsync(c, t, inbound, ct);
                return;
            case InboundKind.C2bConfirmation:
                await c2b.HandleAsync(c, t, inbound, ct);
                return;
            case InboundKind.TxStatusResult:
                await txStatus.HandleAsync(c, t, inbound, ct);
                return;
            case InboundKind.Notification:
                logger.LogInformation("WhatsApp {Type} event {EventId} stored; it asks for no answer", inbound.UnsupportedType, inbound.EventId);
                return;
            case InboundKind.Text or InboundKind.Button or InboundKind.Unsupported when inbound.From is { Length: > 0 } from:
                var merchant = await merchants.FindByPhoneAsync(from, ct);
                if (await senders.IsOverLimitAsync(c, t, inbound, merchant?.Id, Language.FromCode(merchant?.Language), ct))
                    return;
                if (merchant is not null)
                    await merchantChat.HandleAsync(c, t, merchant, inbound, ct);
                else
                    await customerChat.HandleAsync(c, t, inbound, ct);
                return;
            default:
                logger.LogWarning("No handler for {Kind} event from {Provider}", inbound.Kind, inbound.Provider);
                return;
        }
    }

    // Without a configured number (the sandbox) there is only one; with one, an event must name it.
    private bool IsForOurNumber(InboundEvent inbound) =>
        inbound.Provider != Providers.WhatsApp
        || string.IsNullOrWhiteSpace(whatsApp.Value.PhoneNumberId)
        || string.Equals(inbound.BusinessNumberId, whatsApp.Value.PhoneNumberId, StringComparison.Ordinal);
}
