using System.Data.Common;
using System.Globalization;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Time;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/invoices").RequireApiKey().WithTags("Invoices");
        group.MapPost("", CreateAsync).WithSummary("Create an invoice and send it to the customer.")
            .WithDescription("Send amount_cents (one amount) or items [{description, quantity, unit_amount_cents}] (one or the other; " +
                "each price, each line and the total follow the same rules: whole shillings, above zero, at most the maximum). With items, " +
                "description may be left out (the items' names stand for it). The merchant's VAT mode applies: none, inclusive (the total " +
                "stays and the VAT in it is shown) or exclusive (16% is added on top); amount_cents in the answer is what the customer " +
                "pays, net_cents and vat_cents split it, rounded half up to the shilling. The Idempotency-Key covers the items too. " +
                "Past the merchant's daily invoice limit (Merchants:DailyInvoiceLimit or its override): 429, with Retry-After until Nairobi midnight.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{id}", GetAsync).WithSummary("One invoice.");
        group.MapGet("", ListAsync).WithSummary("Invoices, newest first, optionally filtered by status and msisdn.");
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateInvoiceRequest body, [FromQuery(Name = "merchant_id")] long? merchantId, HttpRequest http,
        Db db, MerchantDirectory merchants, InvoiceCreator creator, InvoiceRequestValidator validator, IOptions<AppOptions> app,
        OutboxSignal outbox, TimeProvider clock, CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200) return Results.Problem(statusCode: 400, title: "Idempotency-Key is longer than 200 characters");
        var (request, errors) = validator.Validate(body, key.Length > 0 ? key : null);
        if (request is null) return Results.ValidationProblem(errors);
        var (merchant, refusal) = await merchants.ForRequestAsync(http.HttpContext, merchantId, ct);
        if (merchant is null) return refusal!;
        if (validator.CheckGross(merchant.Vat, request.AmountCents) is { } tooMuch)
            return Results.ValidationProblem(new Dictionary<string, string[]> { [request.Items is null ? "amount_cents" : "items"] = [tooMuch] });

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (creation, replayed) = await db.InTransactionAsync(async (c, t) =>
                {
                    if (request.IdempotencyKey is { } k && await InvoiceRepository.GetByIdempotencyKeyAsync(c, t, merchant.Id, k, ct) is { } existing)
                        return ((InvoiceCreation)new InvoiceCreation.Created(existing), true);
                    return (await creator.CreateAsync(c, t, merchant, request, ct), false);
                }, ct);
                if (creation is not InvoiceCreation.Created { Invoice: var invoice })
                    return OverDailyLimit((InvoiceCreation.OverDailyLimit)creation, http.HttpContext, clock);
                if (!replayed) outbox.Notify();
                if (replayed && invoice.RequestHash != request.RequestHash)
                    return Results.Problem(statusCode: 409, title: "Idempotency-Key reused with a different body",
                        detail: "This key already created another invoice. Use a new key for a new invoice.");
                var items = await db.InTransactionAsync((c, t) => InvoiceItemRepository.ListAsync(c, t, merchant.Id, invoice.Id, ct), ct);
                var view = InvoiceView.From(invoice, app.Value.PayLink(invoice.PayToken), items);
                return replayed ? Results.Ok(view) : Results.Created($"/invoices/{invoice.Id}", view);
            }
            catch (DbException) when (attempt == 0 && request.IdempotencyKey is not null)
            {
                // Two requests with one key raced; the unique key let one win. Read its result.
            }
        }
    }

    /// <summary>429 with <c>Retry-After</c> until the Nairobi midnight that restarts the count.</summary>
    private static IResult OverDailyLimit(InvoiceCreation.OverDailyLimit over, HttpContext http, TimeProvider clock)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling((over.ResetsAt - clock.GetUtcNow()).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Daily invoice limit reached",
            detail: $"This merchant may create {over.Limit} invoices per day (Africa/Nairobi) and has created them all today. " +
                $"The count restarts at {over.ResetsAt.ToOffset(NairobiTime.Offset):yyyy-MM-ddTHH:mm:sszzz}.",
            extensions: new Dictionary<string, object?> { ["limit"] = over.Limit, ["resets_at"] = over.ResetsAt.ToOffset(NairobiTime.Offset) });
    }

    private static async Task<IResult> GetAsync(string id, [FromQuery(Name = "merchant_id")] long? merchantId, HttpContext http,
        InvoiceRepository invoices, MerchantDirectory merchants, Db db, IOptions<AppOptions> app, CancellationToken ct)
    {
        var (merchant, refusal) = await merchants.ForRequestAsync(http, merchantId, ct);
        if (merchant is null) return refusal!;
        var invoice = id.Length <= 64 ? await invoices.GetForMerchantAsync(merchant.Id, id, ct) : null;
        if (invoice is null) return Results.Problem(statusCode: 404, title: "No such invoice");
        var items = await db.InTransactionAsync((c, t) => InvoiceItemRepository.ListAsync(c, t, merchant.Id, invoice.Id, ct), ct);
        return Results.Ok(InvoiceView.From(invoice, app.Value.PayLink(invoice.PayToken), items));
    }

    private static async Task<IResult> ListAsync(string? status, string? msisdn, int? limit, [FromQuery(Name = "merchant_id")] long? merchantId,
        HttpContext http, InvoiceRepository invoices, MerchantDirectory merchants, InvoiceRequestValidator validator, IOptions<AppOptions> app,
        CancellationToken ct)
    {
        var (filter, errors) = validator.ValidateFilter(status, msisdn, limit);
        if (filter is null) return Results.ValidationProblem(errors);
        var (merchant, refusal) = await merchants.ForRequestAsync(http, merchantId, ct);
        if (merchant is null) return refusal!;
        var rows = await invoices.ListAsync(merchant.Id, filter.Status, filter.Msisdn, filter.Limit, ct);
        return Results.Ok(new InvoiceList(rows.Select(i => InvoiceView.From(i, app.Value.PayLink(i.PayToken))).ToList()));
    }
}
