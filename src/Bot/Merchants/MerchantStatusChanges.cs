using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Onboarding;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>
/// The operator moves a merchant between statuses. A registrant waiting for approval hears the verdict
/// in chat, queued in the same transaction as the change, so it is told once and only if it happened.
/// </summary>
public sealed class MerchantStatusChanges(Db db, IOptions<MerchantsOptions> options, TimeProvider clock)
{
    /// <summary>The merchant after the change; null when it was not in <paramref name="from"/> (or does not exist).</summary>
    public Task<Merchant?> ChangeAsync(long id, string from, string to, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var now = clock.GetUtcNow();
            if (!await MerchantRepository.ChangeStatusAsync(c, t, id, from, to, now, ct)) return null;
            var merchant = (await MerchantRepository.GetAsync(c, t, id, ct))!;
            if (from == MerchantStatus.Pending)
            {
                var lang = Language.FromCode(merchant.Language);
                var verdict = to == MerchantStatus.Active
                    ? RegistrationReplies.Welcome(merchant, approved: true, lang)
                    : RegistrationReplies.RegistrationDeclined(merchant, options.Value.ContactText, lang);
                // Approval can come days later, past WhatsApp's 24-hour window: then it goes by SMS.
                await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(merchant.Phone, OutboxPurpose.Notice,
                    ReplyWriter.WithSmsForm(verdict.ToMessage(), merchant.Phone), $"merchant-status:{id}:{to}", now, merchant.Id), ct);
            }
            return merchant;
        }, ct);
}
