using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Limits;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Messaging.Outbox;

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
    ILogger<InboundEventRouter> logger)
{
    public async Task RouteAsync(DbConnection c, DbTransaction t, InboundEvent inbound, CancellationToken ct)
    {
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
}
