using System.Globalization;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// <c>Sms:DailyCapPerMerchant</c>: SMS costs money, so past the cap a merchant's messages stop
/// falling back to SMS for the rest of the Nairobi day, and the merchant is told once (on WhatsApp).
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
        var cap = options.Value.DailyCapPerMerchant;
        if (cap <= 0 || entry.MerchantId is not { } merchantId) return true;
        var now = clock.GetUtcNow();
        var day = NairobiTime.Date(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await usage.TryTakeAsync(merchantId, day, cap, ct)) return true;

        logger.LogWarning("Merchant {MerchantId} reached the daily SMS cap of {Cap}; outbox {OutboxId} is not sent by SMS",
            merchantId, cap, entry.Id);
        await TellMerchantAsync(merchantId, day, cap, now, ct);
        return false;
    }

    private async Task TellMerchantAsync(long merchantId, string day, int cap, DateTimeOffset now, CancellationToken ct)
    {
        if (await merchants.GetAsync(merchantId, ct) is not { } merchant) return;
        var text = merchant.Language == "sw"
            ? $"Umefikia kikomo cha SMS {cap} kwa leo. Ujumbe kwa wateja wasiopatikana kwa WhatsApp hautatumwa kwa SMS hadi kesho."
            : $"You have reached today's limit of {cap} SMS. Messages to customers WhatsApp cannot reach will not go by SMS until tomorrow.";
        // No SMS form: this notice must not itself cost an SMS. The key makes it once a day.
        var notice = OutboxEntry.Due(merchant.Phone, OutboxPurpose.Notice, new OutboundMessage { Text = text },
            $"sms-cap:{merchantId}:{day}", now, merchantId);
        await db.InTransactionAsync((c, t) => OutboxRepository.EnqueueAsync(c, t, notice, ct), ct);
    }
}
