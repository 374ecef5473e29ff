using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>The new-invoice form: the chat's rules and words, the chat's duplicate question, one invoice per form.</summary>
public static partial class DashboardEndpoints
{
    private static async Task<IResult> NewInvoiceAsync(HttpContext http, LoginCodes members, string? phone, string? name, IAntiforgery antiforgery,
        CancellationToken ct) =>
        await AppSession.CurrentAsync(http, members, ct) is { } user
            ? NewInvoicePage(http, antiforgery, user, InvoiceForm.Blank(phone, name), null, StatusCodes.Status200OK)
            : Results.Redirect("/app/login");

    private static async Task<IResult> CreateInvoiceAsync(HttpContext http, LoginCodes members, IAntiforgery antiforgery, Db db,
        InvoiceCreator creator, OutboxSignal outbox, IOptions<InvoiceOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        var lang = Language.FromCode(user.Merchant.Language);
        var text = new DashboardText(lang);
        var form = InvoiceForm.Read(await http.Request.ReadFormAsync(ct));
        if (!await antiforgery.IsRequestValidAsync(http)) return NewInvoicePage(http, antiforgery, user, form, text.FormExpired, StatusCodes.Status400BadRequest);
        var (request, error) = form.Check(user, options.Value.MaxAmount, lang);
        if (request is null) return NewInvoicePage(http, antiforgery, user, form, error, StatusCodes.Status400BadRequest);

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var outcome = await db.InTransactionAsync(async (c, t) => await CreateOnceAsync(c, t, user, request, form.Again, creator, clock, ct), ct);
                switch (outcome)
                {
                    case FormOutcome.Made made:
                        if (!made.Replayed) outbox.Notify();
                        return Results.Redirect($"/app/invoices/{made.Invoice.Number}?sent=1");
                    case FormOutcome.SameAsRecent same:
                        return NewInvoicePage(http, antiforgery, user, form with { Again = true },
                            text.SameAsRecent(same.Number, text.Duration(same.Ago)), StatusCodes.Status409Conflict);
                    default:
                        var over = (FormOutcome.OverLimit)outcome;
                        return NewInvoicePage(http, antiforgery, user, form, Replies.DailyInvoiceLimitReached(over.Limit, lang).Text,
                            StatusCodes.Status429TooManyRequests);
                }
            }
            catch (DbException) when (attempt == 0)
            {
                // The same form sent twice at once: its nonce's unique key let one win. Read its result.
            }
        }
    }

    private abstract record FormOutcome
    {
        public sealed record Made(Invoice Invoice, bool Replayed) : FormOutcome;
        public sealed record SameAsRecent(string Number, TimeSpan Ago) : FormOutcome;
        public sealed record OverLimit(int Limit) : FormOutcome;
    }

    private static async Task<FormOutcome> CreateOnceAsync(DbConnection c, DbTransaction t, AppUser user, NewInvoice request, bool again,
        InvoiceCreator creator, TimeProvider clock, CancellationToken ct)
    {
        var merchantId = user.Merchant.Id;
        if (await InvoiceRepository.GetByIdempotencyKeyAsync(c, t, merchantId, request.IdempotencyKey!, ct) is { } existing)
            return new FormOutcome.Made(existing, true);
        var now = clock.GetUtcNow();
        var gross = VatBreakdown.For(user.Merchant.Vat, Money.FromCents(request.AmountCents)).Gross;
        if (!again && await InvoiceRepository.FindRecentSameAsync(c, t, merchantId, request.Msisdn, gross.Cents, request.Description,
                now - ChatInvoiceSender.DuplicateWindow, ct) is { } recent)
            return new FormOutcome.SameAsRecent(recent.Number, now - recent.CreatedAt);
        return await creator.CreateAsync(c, t, user.Merchant, request, ct) switch
        {
            InvoiceCreation.Created created => new FormOutcome.Made(created.Invoice, false),
            InvoiceCreation.OverDailyLimit over => new FormOutcome.OverLimit(over.Limit),
            _ => throw new InvalidOperationException("Unknown invoice creation outcome"),
        };
    }

    private static IResult NewInvoicePage(HttpContext http, IAntiforgery antiforgery, AppUser user, InvoiceForm form, string? notice, int status) =>
        SignedIn<NewInvoiceView>(http, antiforgery, user, status, new()
        {
            [nameof(NewInvoiceView.Form)] = form,
            [nameof(NewInvoiceView.Notice)] = notice,
        });
}
