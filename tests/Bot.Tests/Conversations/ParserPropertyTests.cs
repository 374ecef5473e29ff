using InvoiceFirst.Data.Domain;
using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>Hostile input: whatever a chat message holds, the parsers answer without throwing and never invent an amount.</summary>
public sealed partial class ParserPropertyTests
{
    private const int Max = (int)AmountParser.DefaultMaxShillings;

    // Characters that make amounts, phones and commands: the parsers' own alphabet, so shrinking finds edge cases.
    private static readonly Gen<string> Hostile =
        Gen.Elements("0123456789,.kK-/=+ eEKESshxInvoice\t\u00a0٣🍵\u0000".ToCharArray().Select(c => c.ToString()).Concat(["invoice ", "ankara ", "KES ", "1,000", "999999999999999999999", "07", "254"]).ToArray())
            .ArrayOf().Select(parts => string.Concat(parts));

    private static Arbitrary<string> AnyText => Gen.OneOf(Hostile, ArbMap.Default.GeneratorFor<string>()).ToArbitrary();

    private static Gen<int> Shillings => Gen.Choose(1, Max);

    private static Gen<string> National => Gen.Elements('7', '1').SelectMany(first =>
        Gen.Choose(0, 99_999_999).Select(rest => first + rest.ToString("D8", CultureInfo.InvariantCulture)));

    [Property(MaxTest = 2000)]
    public Property Parsers_AnyText_NeverThrow() => Prop.ForAll(AnyText, text =>
    {
        _ = CommandParser.Parse(text);
        _ = AmountParser.Parse(text);
        _ = MobileNumber.TryParseKenyan(text, out _);
        return true;
    });

    [Property(MaxTest = 2000)]
    public Property AmountParser_AnyText_AcceptsOnlyWholeShillingsWithinLimit() => Prop.ForAll(AnyText, text =>
    {
        var result = AmountParser.Parse(text);
        return !result.IsSuccess || result.Shillings is >= 1 and <= Max;
    });

    [Property(MaxTest = 2000)]
    public Property AmountParser_PlainDigits_AcceptsExactlyThatNumber() => Prop.ForAll(
        Gen.Choose(0, 9).ArrayOf().Where(d => d.Length is > 0 and < 30).Select(d => string.Concat(d)).ToArbitrary(), digits =>
        {
            var result = AmountParser.Parse(digits);
            var value = System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture);
            return result.IsSuccess
                ? result.Shillings == value
                : value == 0 || value > Max;
        });

    [Property(MaxTest = 1000)]
    public Property AmountParser_EveryWrittenForm_RoundTrips() => Prop.ForAll(Shillings.ToArbitrary(), n =>
    {
        string[] forms =
        [
            n.ToString(CultureInfo.InvariantCulture), n.ToString("N0", CultureInfo.InvariantCulture), $"KES {n}", $"Ksh{n:N0}",
            $"{n}/-", $"{n}.00", $"sh. {n:N0}",
        ];
        var thousands = n % 1000 == 0 ? new[] { $"{n / 1000}k", $"{n / 1000}K" } : [];
        var decimalK = n % 100 == 0 && n >= 1000 ? new[] { (n / 1000m).ToString(CultureInfo.InvariantCulture) + "k" } : [];
        return forms.Concat(thousands).Concat(decimalK).All(f => AmountParser.Parse(f) == AmountParseResult.Ok(n));
    });

    [Property(MaxTest = 1000)]
    public Property AmountParser_CentsNegativeOrAboveMax_Refused() => Prop.ForAll(Shillings.ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), (n, cents) =>
        !AmountParser.Parse($"{n}.{cents:D2}").IsSuccess
        && !AmountParser.Parse($"-{n}").IsSuccess
        && !AmountParser.Parse((AmountParser.DefaultMaxShillings + n).ToString(CultureInfo.InvariantCulture)).IsSuccess);

    [Property(MaxTest = 2000)]
    public Property KenyanPhone_AnyText_AcceptsOnlyTheCanonicalShape() => Prop.ForAll(AnyText, text =>
        !MobileNumber.TryParseKenyan(text, out var msisdn) || Canonical().IsMatch(msisdn));

    [Property(MaxTest = 1000)]
    public Property KenyanPhone_EveryWrittenForm_SameNumberAndRoundTripsLocal() => Prop.ForAll(National.ToArbitrary(), national =>
    {
        string[] forms = ["0" + national, national, "254" + national, "+254" + national,
            $"+254 {national[..3]} {national[3..6]} {national[6..]}", $"0{national[..3]}-{national[3..6]}-{national[6..]}"];
        var results = forms.Select(f => MobileNumber.TryParseKenyan(f, out var m) ? m : null).Distinct().ToList();
        return results.Count == 1
            && (results[0] is null || (results[0] == "254" + national
                && MobileNumber.TryParseKenyan(MobileNumber.ToLocal(results[0]!), out var back) && back == results[0]));
    });

    [Property(MaxTest = 1000)]
    public Property CommandParser_WellFormedInvoice_RoundTrips() => Prop.ForAll(
        National.ToArbitrary(), Shillings.ToArbitrary(), Words.ToArbitrary(), (national, n, description) =>
        {
            if (!MobileNumber.TryParseKenyan("0" + national, out var msisdn)) return true; // a block libphonenumber knows is not mobile
            var parsed = CommandParser.Parse($"invoice 0{national} {n:N0} {description}");
            return parsed == new CreateInvoiceCommand(msisdn, null, n, description);
        });

    [Property(MaxTest = 2000)]
    public Property CommandParser_AnyInvoiceText_AmountIsOneTheTextSpells() => Prop.ForAll(AnyText, text =>
    {
        // Whatever was accepted, its amount must appear in the message as written (plain, grouped or in thousands).
        if (CommandParser.Parse("invoice 0712345678 " + text) is not CreateInvoiceCommand created) return true;
        var compact = text.Replace(",", "");
        return created.AmountShillings is >= 1 and <= Max
            && (compact.Contains(created.AmountShillings.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                || compact.Contains('k', StringComparison.OrdinalIgnoreCase));
    });

    private static Gen<string> Words =>
        Gen.Elements("Logo", "design", "Mboga", "chai", "🍵", "Ukarabati", "repairs", "for", "Wanjiku", "INV-42", "2", "x")
            .ArrayOf().Where(w => w.Length is > 0 and < 10)
            .Select(w => "Item " + string.Join(' ', w));

    [GeneratedRegex("^254[17][0-9]{8}$")]
    private static partial Regex Canonical();
}
