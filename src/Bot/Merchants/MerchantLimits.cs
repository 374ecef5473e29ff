using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>A merchant's daily limits as they apply (the override, else the deployment's default), next to its overrides.</summary>
public sealed class MerchantLimits(IOptions<MerchantsOptions> platform, IOptions<SmsOptions> sms)
{
    public MerchantLimitsView For(Merchant m) => new(
        DailyLimit.Of(m.DailyInvoiceLimit, platform.Value.DailyInvoiceLimit).Value, m.DailyInvoiceLimit,
        DailyLimit.Of(m.DailySmsCap, sms.Value.DailyCapPerMerchant).Value, m.DailySmsCap);
}

/// <summary>Per Nairobi day. An effective value of null means no limit; an override of null means the default applies.</summary>
public sealed record MerchantLimitsView(int? DailyInvoiceLimit, int? DailyInvoiceLimitOverride, int? DailySmsCap, int? DailySmsCapOverride);

/// <summary>The body of <c>PUT /merchants/{id}/limits</c>: a field left out stays as it is; null returns it to the default.</summary>
public sealed record SetLimitsRequest(int? DailyInvoiceLimit, int? DailySmsCap);
