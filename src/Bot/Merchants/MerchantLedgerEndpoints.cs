using System.Text.RegularExpressions;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Payments.Ledger;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>
/// The operator's view of what is owed to a merchant on the collection route (<c>GET /merchants/{id}/ledger</c>) and the
/// payouts they record (<c>POST /merchants/{id}/payouts</c>). Mapped in the operator-key group of <see cref="MerchantEndpoints"/>.
/// </summary>
public static partial class MerchantLedgerEndpoints
{
    private const int MaxPage = 200, NoteMax = 200;

    /// <summary>Who a payout recorded with the operator's API key names as its maker.</summary>
    public const string OperatorActor = "operator";

    public static async Task<IResult> GetAsync(long id, long? before, int? limit, MerchantRepository merchants, Db db, CancellationToken ct)
    {
        if (await merchants.GetAsync(id, ct) is null) return NoSuchMerchant();
        var size = Math.Clamp(limit ?? 50, 1, MaxPage);
        await using var c = await db.OpenAsync(ct);
        var balance = await LedgerRepository.BalanceAsync(c, null, id, ct);
        var entries = await LedgerRepository.ListAsync(c, null, id, before ?? 0, size, ct);
        var inFlight = await PayoutRepository.InFlightListAsync(c, null, id, ct);
        return Results.Ok(new LedgerView(id, balance, balance - inFlight.Sum(p => p.AmountCents), inFlight.Select(B2cPayoutView.From).ToList(),
            entries.Select(LedgerEntryView.From).ToList(), entries.Count == size ? entries[^1].Id : null));
    }

    public static async Task<IResult> RecordPayoutAsync(long id, RecordPayoutRequest body, MerchantLedger ledger, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.AmountCents is not > 0) errors["amount_cents"] = ["Must be a whole number of cents above 0."];
        var reference = body.MpesaReference?.Trim().ToUpperInvariant() ?? "";
        if (!Reference().IsMatch(reference)) errors["mpesa_reference"] = ["Must be the payout's M-PESA reference: 6 to 20 letters and digits."];
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (note is { Length: > NoteMax }) errors["note"] = [$"At most {NoteMax} characters."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        return await ledger.RecordPayoutAsync(id, Money.FromCents(body.AmountCents!.Value), reference, note, OperatorActor, ct) switch
        {
            PayoutOutcome.Recorded r => Results.Json(new PayoutView(LedgerEntryView.From(r.Entry), r.Balance.Cents), statusCode: 201),
            PayoutOutcome.AlreadyRecorded r => Results.Ok(new PayoutView(LedgerEntryView.From(r.Entry), r.Balance.Cents)),
            PayoutOutcome.ReferenceTaken r => Results.Problem(statusCode: 409, title: "This M-PESA reference is already recorded with another amount",
                detail: $"Payout {r.Existing.Id} has this reference for {-r.Existing.AmountCents} cents."),
            PayoutOutcome.OverBalance r => Results.Problem(statusCode: 409, title: "The payout is more than the merchant's balance",
                detail: $"Available for payouts (the balance less B2C payouts on their way): {r.Balance.Cents} cents."),
            _ => NoSuchMerchant(),
        };
    }

    private static IResult NoSuchMerchant() => Results.Problem(statusCode: 404, title: "No such merchant");

    [GeneratedRegex("^[A-Z0-9]{6,20}$")]
    private static partial Regex Reference();
}

public sealed record RecordPayoutRequest(long? AmountCents, string? MpesaReference, string? Note);

/// <summary>One entry as the API shows it: <c>amount_cents</c> signed (credits positive, fees and payouts negative).</summary>
public sealed record LedgerEntryView(long Id, string Kind, long AmountCents, long? PaymentId, string? MpesaReference, string? Note,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public static LedgerEntryView From(LedgerEntry e) =>
        new(e.Id, e.Kind.ToString().ToLowerInvariant(), e.AmountCents, e.PaymentId, e.PayoutReference, e.Note, e.CreatedBy, e.CreatedAt);
}

/// <param name="BalanceCents">The sum of every entry: what the operator owes the merchant now.</param>
/// <param name="AvailableCents">The balance less the B2C payouts on their way: what a new payout may take.</param>
/// <param name="PayoutsInFlight">B2C payouts pending, sending or sent: their amounts are reserved until paid (then an entry) or failed.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next (older) page; null on the last.</param>
public sealed record LedgerView(long MerchantId, long BalanceCents, long AvailableCents, IReadOnlyList<B2cPayoutView> PayoutsInFlight,
    IReadOnlyList<LedgerEntryView> Entries, long? NextBefore);

public sealed record PayoutView(LedgerEntryView Payout, long BalanceCents);
