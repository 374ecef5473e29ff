using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Reconciliation;
using InvoiceFirst.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>
/// The day's reconciliation, and a summary to each merchant who sent <c>summary on</c>. The
/// dedupe key makes it one message per merchant per day, however many instances run the job.
/// </summary>
public sealed class EveningSummary(
    Db db,
    Reconciler reconciler,
    ReconciliationRepository rows,
    MerchantSummaryRepository optedIn,
    IOptions<MerchantOptions> house,
    TimeProvider clock,
    ILogger<EveningSummary> logger)
{
    public async Task<ReconciliationReport> RunAsync(DateOnly date, CancellationToken ct)
    {
        var report = await reconciler.RunAsync(date, merchantId: null, ct);
        foreach (var d in report.Differences)
            logger.LogWarning("Reconciliation {Date}: {Kind} invoice {InvoiceId} payment {PaymentId} received {ReceivedCents} recorded {RecordedCents}",
                date, d.Kind, d.InvoiceId, d.PaymentId, d.ReceivedCents, d.RecordedCents);

        MobileNumber.TryParseKenyan(house.Value.Phone ?? "", out var housePhone);
        foreach (var merchant in await optedIn.ListOptedInAsync(ct))
        {
            var (count, cents) = await rows.CollectedAsync(merchant.Id, report.From, report.To, ct);
            // Money no invoice took counts for the merchant it is held for; held for nobody (no Merchant:Phone when it
            // came), only the deployment's own merchant hears of it. A rejected confirmation was never money (a forgery,
            // most likely): the operator's report has it.
            var theirs = merchant.Phone == housePhone;
            var differences = report.Differences.Count(d => (d.MerchantId == merchant.Id || d.MerchantId is null && theirs)
                && d.Kind is not (Reconciler.C2bRejected or Reconciler.C2bUnverified));
            var unverified = theirs ? report.Differences.Count(d => d.Kind == Reconciler.C2bUnverified) : 0;
            var text = Replies.EveningSummary(date, count, Money.FromCents(cents), differences, unverified, Language.FromCode(merchant.Language));
            var now = clock.GetUtcNow();
            await db.InTransactionAsync((c, t) => OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(merchant.Phone, OutboxPurpose.Notice,
                text.ToMessage(), $"summary:{merchant.Id}:{date:yyyy-MM-dd}", now, merchant.Id), ct), ct);
        }
        return report;
    }
}
