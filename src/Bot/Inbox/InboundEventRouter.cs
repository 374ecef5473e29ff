using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Limits;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Onboarding;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Inbox;

/// <summary>Sends each stored event to the one handler it belongs to.</summary>
public sealed class InboundEventRouter(
    MerchantMembers members,
    MerchantChat merchantChat,
    RegistrationChat registration,
    CustomerChat customerChat,
    DeliveryStatusHandler statuses,
    StkCallbackHandler stkCallbacks,
    C2bConfirmationHandler c2b,
    TxStatusResultHandler txStatus,
    SenderLimiter senders,
    ReplyWriter replies,
    IOptions<MerchantsOptions> platform,
    IOptions<WhatsAppOptions> whatsApp,
    TimeProvider clock,
    ILogger<InboundEventRouter> logger)
{
    public async Task RouteAsync(DbConnection c, DbTransaction t, InboundEvent inbound, CancellationToken ct)
    {
        if (inbound is ChatEvent or DeliveryReport && !IsForSharedNumber(inbound.Provider, BusinessNumberOf(inbound)))
        {
            var number = BusinessNumberOf(inbound);
            if (number is null || await MerchantWhatsAppRepository.FindByPhoneNumberIdAsync(c, t, number, ct) is not { } own)
            {
                // Meta signed it, but for a number this deployment does not serve: kept in the inbox, acted on by no one.
                logger.LogWarning("WhatsApp event {EventId} ({Kind}) is for phone number id {PhoneNumberId}, not ours; stored without effect",
                    inbound.EventId, inbound.Kind, number ?? "(none)");
                return;
            }
            if (inbound is ChatEvent { From: { Length: > 0 } writer } onOwn)
            {
                // The person wrote to the merchant's own number: that number's 24-hour window opens, not the shared one's.
                await WhatsAppWindowRepository.HeardAsync(c, t, number, writer, onOwn.ReceivedAt ?? clock.GetUtcNow(), ct);
                inbound = onOwn with { OwnNumberMerchantId = own.MerchantId };
            }
        }
        switch (inbound)
        {
            case DeliveryReport report:
                await statuses.HandleAsync(c, t, report, ct);
                return;
            case StkCallbackReceived stk:
                await stkCallbacks.HandleAsync(c, t, stk, ct);
                return;
            case C2bConfirmationReceived confirmation:
                await c2b.HandleAsync(c, t, confirmation, ct);
                return;
            case TxStatusResultReceived result:
                await txStatus.HandleAsync(c, t, result, ct);
                return;
            case ChatEvent { Kind: InboundKind.Notification } notification:
                logger.LogInformation("WhatsApp {Type} event {EventId} stored; it asks for no answer", notification.UnsupportedType, inbound.EventId);
                return;
            case ChatEvent { From: { Length: > 0 } from } chat:
                // The owner or a staff member: staff act for their merchant, and its status holds them too.
                var actor = await members.FindAsync(c, t, from, ct);
                // On a merchant's own number only its own people act for a business; anyone else is its customer there.
                if (chat.OwnNumberMerchantId is { } line && actor?.Merchant.Id != line) actor = null;
                var merchant = actor?.Merchant;
                if (await senders.IsOverLimitAsync(c, t, chat, merchant?.Id, Language.FromCode(merchant?.Language), ct))
                    return;
                if (merchant is { Status: not MerchantStatus.Active })
                    // Paused or not yet approved: nothing the merchant sends runs; they hear why.
                    await replies.WriteAsync(c, t, chat, merchant.Id,
                        [Replies.AccountNotActive(merchant.Status, platform.Value.ContactText, Language.FromCode(merchant.Language))], ct);
                else if (actor is not null)
                    await merchantChat.HandleAsync(c, t, actor, chat, ct);
                else if (chat.OwnNumberMerchantId is not null || !await registration.HandleAsync(c, t, chat, ct))
                    await customerChat.HandleAsync(c, t, chat, ct);
                return;
            default:
                logger.LogWarning("No handler for {Kind} event from {Provider}", inbound.Kind, inbound.Provider);
                return;
        }
    }

    private static string? BusinessNumberOf(InboundEvent inbound) =>
        inbound is ChatEvent chat ? chat.BusinessNumberId : (inbound as DeliveryReport)?.BusinessNumberId;

    // Without a configured number (the sandbox) there is only one; with one, an event must name it (or a merchant's own number).
    private bool IsForSharedNumber(string provider, string? businessNumberId) =>
        provider != Providers.WhatsApp
        || string.IsNullOrWhiteSpace(whatsApp.Value.PhoneNumberId)
        || string.Equals(businessNumberId, whatsApp.Value.PhoneNumberId, StringComparison.Ordinal);
}
