using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Reconciliation;
using InvoiceFirst.Data.Review;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>
/// Compares, for one Nairobi day, what M-PESA said we received with what invoices recorded: for every merchant, or for one
/// (its invoices only; money that reached no invoice is nobody's but the operator's, so a merchant's report leaves it out).
/// </summary>
public sealed class Reconciler(ReconciliationRepository rows, ReviewItemRepository reviews, TimeProvider clock)
{
    public const string ReceiptWithoutInvoice = "receipt_without_invoice";
    public const string InvoicePaidWithoutReceipt = "invoice_paid_without_receipt";
    public const string AmountDifference = "amount_difference";
    public const string NeedsReview = "needs_review";
    public const string C2bUnverified = "c2b_unverified";
    public const string C2bRejected = "c2b_rejected";
    public const string UnreadableCallback = "unreadable_callback";

    public static DateOnly Today(TimeProvider clock) => NairobiTime.Date(clock.GetUtcNow());

    public static (DateTimeOffset From, DateTimeOffset To) DayRange(DateOnly date)
    {
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), NairobiTime.Offset);
        return (from, from.AddDays(1));
    }

    public async Task<ReconciliationReport> RunAsync(DateOnly? date, long? merchantId, CancellationToken ct)
    {
        var day = date ?? Today(clock);
        var (from, to) = DayRange(day);
        var differences = new List<ReconciliationDifference>();
        var everyMerchant = merchantId is null;

        foreach (var p in await rows.UnappliedReceiptsAsync(from, to, merchantId, ct))
            differences.Add(new(ReceiptWithoutInvoice, p.MerchantId, null, null, p.PaymentId, p.MpesaReceipt, p.AmountCents, null));

        foreach (var i in await rows.InvoiceMismatchesAsync(from, to, merchantId, ct))
        {
            var kind = i.SuccessfulPayments == 0 && (i.RecordedCents > 0 || i.Status == InvoiceStatus.Paid || i.Status == InvoiceStatus.PartiallyPaid)
                ? InvoicePaidWithoutReceipt
                : AmountDifference;
            differences.Add(new(kind, i.MerchantId, i.InvoiceId, i.InvoiceNumber, null, null, i.ReceivedCents, i.RecordedCents));
        }

        foreach (var p in await rows.NeedsReviewAsync(to, merchantId, ct))
            differences.Add(new(NeedsReview, p.MerchantId, p.InvoiceId, null, p.PaymentId, p.MpesaReceipt, p.AmountCents, null));

        // Claimed Paybill money is listed apart from settled money: none of it is on an invoice.
        if (everyMerchant)
        {
            foreach (var u in await rows.UnverifiedConfirmationsAsync(to, ct))
                differences.Add(new(C2bUnverified, null, null, null, null, u.TransId, u.AmountCents, null, u.Reason));
            foreach (var r in await rows.RejectedConfirmationsAsync(from, to, ct))
                differences.Add(new(C2bRejected, null, null, null, null, r.TransId, r.AmountCents, null, r.Reason));
        }

        foreach (var item in await reviews.ListAsync(from, to, merchantId, ct))
            differences.Add(new(UnreadableCallback, null, null, null, item.PaymentId, null, null, null, $"{item.Source}: {item.Reason}"));

        return new ReconciliationReport(day, from, to, differences);
    }
}
