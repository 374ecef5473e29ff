using InvoiceFirst.Data.Stats;

namespace InvoiceFirst.Bot.Stats;

/// <summary>Body of <c>GET /stats/summary</c> (serialized snake_case). Ratios are null when there is nothing to divide by.</summary>
public sealed record StatsSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    InvoiceCountsView Invoices,
    long InvoicedCents,
    long CollectedCents,
    double? Conversion,
    double? AverageSecondsToPay,
    double? MedianSecondsToPay,
    IReadOnlyList<ChannelDeliveryView> Delivery,
    long SmsFallbacks)
{
    public static StatsSummary Compute(DateTimeOffset from, DateTimeOffset to, InvoiceCounts counts, IReadOnlyList<SentToPaid> paid,
        IReadOnlyList<ChannelDelivery> delivery, long smsFallbacks)
    {
        var seconds = paid.Select(p => (p.PaidAt - p.SentAt).TotalSeconds).Order().ToList();
        return new StatsSummary(from, to,
            new InvoiceCountsView(counts.Created, counts.Sent, counts.Paid, counts.PartiallyPaid, counts.Failed, counts.Cancelled, counts.Expired),
            counts.InvoicedCents, counts.CollectedCents,
            Ratio(counts.Paid, counts.Sent),
            seconds.Count > 0 ? seconds.Average() : null,
            Median(seconds),
            delivery.Select(d => new ChannelDeliveryView(d.Channel, d.Accepted, d.Delivered, Ratio(d.Delivered, d.Accepted))).ToList(),
            smsFallbacks);
    }

    private static double? Ratio(long part, long whole) => whole > 0 ? Math.Round((double)part / whole, 4) : null;

    private static double? Median(List<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    };
}

public sealed record InvoiceCountsView(long Created, long Sent, long Paid, long PartiallyPaid, long Failed, long Cancelled, long Expired);

public sealed record ChannelDeliveryView(string Channel, long Accepted, long Delivered, double? DeliveryRate);
