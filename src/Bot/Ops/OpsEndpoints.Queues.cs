using InvoiceFirst.Data.Ops;
using InvoiceFirst.Data.Privacy;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Ops;

/// <summary>Dead letters (retry once) and what is in review (mark resolved, with a note).</summary>
public static partial class OpsEndpoints
{
    private static async Task<IResult> DeadLettersAsync(HttpContext http, OperatorPhones operators, IAntiforgery antiforgery, DeadLetterRepository letters,
        TimeProvider clock, CancellationToken ct) =>
        await OpsSession.CurrentAsync(http, operators) is null
            ? ToLogin()
            : await DeadLettersPageAsync(http, null, false, StatusCodes.Status200OK, antiforgery, letters, clock, ct);

    private static async Task<IResult> RetryAsync(HttpContext http, long id, OperatorPhones operators, IAntiforgery antiforgery, DeadLetterRepository letters,
        TimeProvider clock, CancellationToken ct)
    {
        if (await OpsSession.CurrentAsync(http, operators) is not { } user) return ToLogin();
        if (!await antiforgery.IsRequestValidAsync(http))
            return await DeadLettersPageAsync(http, OpsText.FormExpired, true, StatusCodes.Status400BadRequest, antiforgery, letters, clock, ct);
        if (!await letters.RetryAsync(id, clock.GetUtcNow(), ct))
            return await DeadLettersPageAsync(http, OpsText.NotDeadAnyMore, true, StatusCodes.Status409Conflict, antiforgery, letters, clock, ct);
        OpsLog(http).LogInformation("Operator {Operator} queued dead letter {OutboxId} again", Mask.Phone(user.Phone), id);
        return await DeadLettersPageAsync(http, OpsText.Retried, false, StatusCodes.Status200OK, antiforgery, letters, clock, ct);
    }

    private static async Task<IResult> DeadLettersPageAsync(HttpContext http, string? notice, bool isError, int status, IAntiforgery antiforgery,
        DeadLetterRepository letters, TimeProvider clock, CancellationToken ct) =>
        Page<OpsDeadLettersView>(status, new()
        {
            [nameof(OpsDeadLettersView.Form)] = Form(http, antiforgery),
            [nameof(OpsDeadLettersView.Letters)] = await letters.ListAsync(ListMax, ct),
            [nameof(OpsDeadLettersView.Now)] = clock.GetUtcNow(),
            [nameof(OpsDeadLettersView.Notice)] = notice,
            [nameof(OpsDeadLettersView.NoticeIsError)] = isError,
        });

    private static async Task<IResult> ReviewAsync(HttpContext http, OperatorPhones operators, IAntiforgery antiforgery, ReviewQueueRepository queue,
        CancellationToken ct) =>
        await OpsSession.CurrentAsync(http, operators) is null
            ? ToLogin()
            : await ReviewPageAsync(http, null, false, StatusCodes.Status200OK, antiforgery, queue, ct);

    private static async Task<IResult> ResolveAsync(HttpContext http, long id, bool payment, OperatorPhones operators, IAntiforgery antiforgery,
        ReviewQueueRepository queue, TimeProvider clock, CancellationToken ct)
    {
        if (await OpsSession.CurrentAsync(http, operators) is not { } user) return ToLogin();
        if (!await antiforgery.IsRequestValidAsync(http))
            return await ReviewPageAsync(http, OpsText.FormExpired, true, StatusCodes.Status400BadRequest, antiforgery, queue, ct);
        var note = (await FormAsync(http, ct))["note"].ToString().Trim();
        if (note.Length is 0 or > ReviewQueueRepository.NoteMax)
            return await ReviewPageAsync(http, OpsText.NoteRequired(ReviewQueueRepository.NoteMax), true, StatusCodes.Status400BadRequest, antiforgery, queue, ct);
        var now = clock.GetUtcNow();
        var resolved = payment
            ? await queue.ResolvePaymentAsync(id, user.Phone, note, now, ct)
            : await queue.ResolveItemAsync(id, user.Phone, note, now, ct);
        if (!resolved) return await ReviewPageAsync(http, OpsText.AlreadyResolved, true, StatusCodes.Status409Conflict, antiforgery, queue, ct);
        OpsLog(http).LogInformation("Operator {Operator} resolved {Kind} {Id}", Mask.Phone(user.Phone), payment ? "payment" : "review item", id);
        return await ReviewPageAsync(http, OpsText.Resolved, false, StatusCodes.Status200OK, antiforgery, queue, ct);
    }

    private static async Task<IResult> ReviewPageAsync(HttpContext http, string? notice, bool isError, int status, IAntiforgery antiforgery,
        ReviewQueueRepository queue, CancellationToken ct) =>
        Page<OpsReviewView>(status, new()
        {
            [nameof(OpsReviewView.Form)] = Form(http, antiforgery),
            [nameof(OpsReviewView.Payments)] = await queue.PaymentsAsync(ListMax, ct),
            [nameof(OpsReviewView.Items)] = await queue.ItemsAsync(ListMax, ct),
            [nameof(OpsReviewView.Notice)] = notice,
            [nameof(OpsReviewView.NoticeIsError)] = isError,
        });
}
