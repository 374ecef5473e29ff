using System.Data.Common;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/invoices").RequireApiKey().WithTags("Invoices");
        group.MapPost("", CreateAsync).WithSummary("Create an invoice and send it to the customer.");
        group.MapGet("/{id}", GetAsync).WithSummary("One invoice.");
        group.MapGet("", ListAsync).WithSummary("Invoices, newest first, optionally filtered by status and msisdn.");
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateInvoiceRequest body, [FromQuery(Name = "merchant_id")] long? merchantId, HttpRequest http,
        Db db, MerchantDirectory merchants, InvoiceCreator creator, InvoiceRequestValidator validator, IOptions<AppOptions> app,
        OutboxSignal outbox, CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200) return Results.Problem(statusCode: 400, title: "Idempotency-Key is longer than 200 characters");
        var (request, errors) = validator.Validate(body, key.Length > 0 ? key : null);
        if (request is null) return Results.ValidationProblem(errors);
        var (merchant, refusal) = await merchants.ForRequestAsync(http.HttpContext, merchantId, ct);
        if (merchant is null) return refusal!;

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (invoice, replayed) = await db.InTransactionAsync(async (c, t) =>
                {
                    if (request.IdempotencyKey is { } k && await InvoiceRepository.GetByIdempotencyKeyAsync(c, t, merchant.Id, k, ct) is { } existing)
                        return (existing, true);
                    return (await creator.CreateAsync(c, t, merchant, request, ct), false);
                }, ct);
                if (!replayed) outbox.Notify();
                if (replayed && invoice.RequestHash != request.RequestHash)
                    return Results.Problem(statusCode: 409, title: "Idempotency-Key reused with a different body",
                        detail: "This key already created another invoice. Use a new key for a new invoice.");
                var view = InvoiceView.From(invoice, app.Value.PayLink(invoice.PayToken));
                return replayed ? Results.Ok(view) : Results.Created($"/invoices/{invoice.Id}", view);
            }
            catch (DbException) when (attempt == 0 && request.IdempotencyKey is not null)
            {
                // Two requests with one key raced; the unique key let one win. Read its result.
            }
        }
    }

    private static async Task<IResult> GetAsync(string id, [FromQuery(Name = "merchant_id")] long? merchantId, HttpContext http,
        InvoiceRepository invoices, MerchantDirectory merchants, IOptions<AppOptions> app, CancellationToken ct)
    {
        var (merchant, refusal) = await merchants.ForRequestAsync(http, merchantId, ct);
        if (merchant is null) return refusal!;
        var invoice = id.Length <= 64 ? await invoices.GetForMerchantAsync(merchant.Id, id, ct) : null;
        return invoice is null
            ? Results.Problem(statusCode: 404, title: "No such invoice")
            : Results.Ok(InvoiceView.From(invoice, app.Value.PayLink(invoice.PayToken)));
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
