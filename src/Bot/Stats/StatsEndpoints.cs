using Microsoft.AspNetCore.Mvc;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Stats;

namespace InvoiceFirst.Bot.Stats;

public static class StatsEndpoints
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stats/summary", SummaryAsync).RequireApiKey().WithTags("Stats")
            .WithSummary("Invoice outcomes, money, conversion, time to pay and message delivery for invoices created in [from, to).");
        return app;
    }

    private static async Task<IResult> SummaryAsync(DateTimeOffset? from, DateTimeOffset? to, [FromQuery(Name = "merchant_id")] long? merchantId,
        HttpContext http, StatsRepository stats, MerchantDirectory merchants, TimeProvider clock, CancellationToken ct)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end - DefaultRange;
        if (start >= end) return Results.Problem(statusCode: 400, title: "from must be earlier than to");
        var (merchant, refusal) = await merchants.ForRequestAsync(http, merchantId, ct);
        if (merchant is null) return refusal!;

        var counts = await stats.CountInvoicesAsync(merchant.Id, start, end, ct);
        var paid = await stats.ListSentToPaidAsync(merchant.Id, start, end, ct);
        var delivery = await stats.DeliveryByChannelAsync(merchant.Id, start, end, ct);
        var fallbacks = await stats.CountSmsFallbacksAsync(merchant.Id, start, end, ct);
        return Results.Ok(StatsSummary.Compute(start, end, counts, paid, delivery, fallbacks));
    }
}
