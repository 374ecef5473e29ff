using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// <c>Sms:DailyCapPerMerchant</c>, or the merchant's own cap the operator set: SMS costs money, so past the cap a
/// merchant's messages stop falling back to SMS for the rest of the Nairobi day, and the merchant is told once (on WhatsApp).
/// </summary>
public sealed class SmsCap(
    Db db,
    SmsUsageRepository usage,
    MerchantRepository merchants,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SmsCap> logger)
{
    /// <summary>True when this SMS may go; counts it. A message of no merchant is not capped.</summary>
    public async Task<bool> TryTakeAsync(OutboxEntry entry, CancellationToken ct)
    {
        if (entry.MerchantId is not { } merchantId) return true;
        var merchant = await merchants.GetAsync(merchantId, ct);
        if (DailyLimit.Of(merchant?.DailySmsCap, options.Value.DailyCapPerMerchant).Value is not { } cap) return true;
        var now = clock.GetUtcNow();
        var day = DailyLimit.Day(now);
        if (cap > 0 && await usage.TryTakeAsync(merchantId, day, cap, ct)) return true;

        logger.LogWarning("Merchant {MerchantId} reached the daily SMS cap of {Cap}; outbox {OutboxId} is not sent by SMS",
            merchantId, cap, entry.Id);
        if (merchant is not null) await TellMerchantAsync(merchant, day, cap, now, ct);
        return false;
    }

    private async Task TellMerchantAsync(Merchant merchant, string day, int cap, DateTimeOffset now, CancellationToken ct)
    {
        var text = (merchant.Language == "sw", cap) switch
        {
            (true, 0) => "SMS zimezimwa kwa akaunti yako: ujumbe kwa wateja wasiopatikana kwa WhatsApp hautatumwa kwa SMS.",
            (false, 0) => "SMS is switched off for your account: messages to customers WhatsApp cannot reach will not go by SMS.",
            (true, _) => $"Umefikia kikomo cha SMS {cap} kwa leo. Ujumbe kwa wateja wasiopatikana kwa WhatsApp hautatumwa kwa SMS hadi kesho.",
            (false, _) => $"You have reached today's limit of {cap} SMS. Messages to customers WhatsApp cannot reach will not go by SMS until tomorrow.",
        };
        // No SMS form: this notice must not itself cost an SMS. The key makes it once a day.
        var notice = OutboxEntry.Due(merchant.Phone, OutboxPurpose.Notice, new OutboundMessage { Text = text },
            $"sms-cap:{merchant.Id}:{day}", now, merchant.Id);
        await db.InTransactionAsync((c, t) => OutboxRepository.EnqueueAsync(c, t, notice, ct), ct);
    }
}
