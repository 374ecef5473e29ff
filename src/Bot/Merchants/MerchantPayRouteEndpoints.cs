using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Onboarding;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>
/// <c>PUT /merchants/{id}/pay-route</c>: the operator says how a merchant's customers pay, with the rules the merchant's
/// own answer at joining and on the settings page follows (one parser): <c>collection</c> (only when
/// <c>Platform:CollectionEnabled</c>), <c>till</c> with its number, or <c>paybill</c> with its number and optional account.
/// </summary>
public static class MerchantPayRouteEndpoints
{
    public static async Task<IResult> SetAsync(long id, SetPayRouteRequest body, Db db, MerchantRepository merchants, MerchantLimits limits,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken ct)
    {
        var route = body.Route?.Trim().ToLowerInvariant();
        var said = route switch
        {
            "collection" => "skip",
            "till" when body.Account is not null => $"till {body.Number} account {body.Account}",
            "till" => $"till {body.Number}",
            "paybill" when body.Account is not null => $"paybill {body.Number} account {body.Account}",
            "paybill" => $"paybill {body.Number}",
            _ => null,
        };
        if (said is null) return Invalid("route", "Must be collection, till or paybill.");
        var (choice, problem) = PayChoiceParser.Parse(said, platform.Value.CollectionEnabled == true);
        if (choice is null)
            return problem switch
            {
                PayChoiceError.CollectionUnavailable => Results.Problem(statusCode: 409, title: "The collection route is off on this deployment",
                    detail: "Set Platform:CollectionEnabled=true to collect for merchants."),
                PayChoiceError.TillHasNoAccount => Invalid("account", "A Till has no account; leave it out."),
                PayChoiceError.BadAccount => Invalid("account", "Must be 1–20 letters, digits or dashes."),
                _ => Invalid("number", "Must be the Till or Paybill number: 5 to 7 digits."),
            };

        var changed = await db.InTransactionAsync(async (c, t) =>
        {
            if (await MerchantRepository.GetAsync(c, t, id, ct) is null) return false;
            await MerchantRepository.SetPayRouteAsync(c, t, id, choice.Route, choice.Number, choice.Account, clock.GetUtcNow(), ct);
            return true;
        }, ct);
        return changed && await merchants.GetAsync(id, ct) is { } merchant
            ? Results.Ok(MerchantView.From(merchant, limits))
            : Results.Problem(statusCode: 404, title: "No such merchant");
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed record SetPayRouteRequest(string? Route, string? Number, string? Account);
