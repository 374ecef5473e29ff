using System.Text.RegularExpressions;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Onboarding;

/// <summary>How a registering merchant's customers will pay: a <see cref="PayRoutes"/> route, its number and account.</summary>
public sealed record PayChoice(string Route, string? Number = null, string? Account = null);

public enum PayChoiceError
{
    NotUnderstood,
    BadNumber,
    BadAccount,
    TillHasNoAccount,
    CollectionUnavailable,
}

/// <summary>Reads <c>till 123456</c>, <c>buy goods 123456</c>, <c>paybill 123456 account 0011</c> or <c>skip</c>/<c>ruka</c>. Pure.</summary>
public static partial class PayChoiceParser
{
    public static (PayChoice? Choice, PayChoiceError? Error) Parse(string? input, bool collectionEnabled)
    {
        var text = Regex.Replace(input?.Trim().TrimEnd('.') ?? "", @"\s+", " ");
        if (text.Equals("skip", StringComparison.OrdinalIgnoreCase) || text.Equals("ruka", StringComparison.OrdinalIgnoreCase))
            return collectionEnabled ? (new PayChoice(PayRoutes.Collection), null) : (null, PayChoiceError.CollectionUnavailable);

        var match = Choice().Match(text);
        if (!match.Success) return (null, PayChoiceError.NotUnderstood);
        var route = match.Groups["kind"].Value.StartsWith("p", StringComparison.OrdinalIgnoreCase) ? PayRoutes.Paybill : PayRoutes.Till;
        var number = match.Groups["number"].Value;
        if (!ShortCode().IsMatch(number)) return (null, PayChoiceError.BadNumber);
        var account = match.Groups["account"].Success ? match.Groups["account"].Value.Replace(" ", "", StringComparison.Ordinal) : null;
        if (account is null) return (new PayChoice(route, number), null);
        if (route == PayRoutes.Till) return (null, PayChoiceError.TillHasNoAccount);
        return Account().IsMatch(account) ? (new PayChoice(route, number, account), null) : (null, PayChoiceError.BadAccount);
    }

    [GeneratedRegex(@"^(?<kind>till|buy ?goods|pay ?bill)(?: ?(?:no\.?|number|namba))? ?[:#-]? ?(?<number>[^ ]+)(?: (?:(?:account|acc|a/c|akaunti)(?: ?(?:no\.?|number|namba))? ?[:#-]? ?)?(?<account>.+))?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Choice();

    // Safaricom Till and Paybill numbers are 5 to 7 digits.
    [GeneratedRegex("^[0-9]{5,7}$")]
    private static partial Regex ShortCode();

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex Account();
}
