using InvoiceFirst.Data.Domain;
using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>The arguments of <c>invoice &lt;phone|name&gt; &lt;amount&gt; &lt;description&gt;</c>.</summary>
internal static partial class InvoiceCommandParser
{
    private const int MaxPhoneTokens = 4;

    public static ParsedCommand Parse(string text, Match[] args, long maxShillings)
    {
        var next = PhoneRun(args, out var msisdn);
        string? name = null;
        if (msisdn is null)
        {
            if (LooksNumeric(args[0].Value))
            {
                return Error(CommandErrorKind.InvalidPhone);
            }

            var amountAt = FirstAmountLike(args);
            if (amountAt < 0)
            {
                return Error(CommandErrorKind.MissingAmount);
            }

            if (amountAt == 0)
            {
                return Error(CommandErrorKind.MissingCustomer);
            }

            var check = FieldRules.CheckCustomerName(Span(text, args[0], args[amountAt - 1]));
            if (!check.IsValid)
            {
                return Error(check.Error == FieldError.TooShort
                    ? CommandErrorKind.CustomerNameTooShort
                    : CommandErrorKind.CustomerNameTooLong);
            }

            name = check.Value;
            next = amountAt;
        }

        if (next >= args.Length)
        {
            return Error(CommandErrorKind.MissingAmount);
        }

        var twoTokens = AmountParser.IsCurrencyWord(args[next].Value) && next + 1 < args.Length;
        var amountText = twoTokens ? $"{args[next].Value} {args[next + 1].Value}" : args[next].Value;
        var amount = AmountParser.Parse(amountText, maxShillings);
        if (!amount.IsSuccess)
        {
            return new CommandError(CommandErrorKind.InvalidAmount, amount.Error);
        }

        next += twoTokens ? 2 : 1;
        if (next >= args.Length)
        {
            return Error(CommandErrorKind.MissingDescription);
        }

        var description = FieldRules.CheckDescription(text[args[next].Index..]);
        if (!description.IsValid)
        {
            return Error(description.Error == FieldError.TooShort
                ? CommandErrorKind.DescriptionTooShort
                : CommandErrorKind.DescriptionTooLong);
        }

        return new CreateInvoiceCommand(msisdn, name, amount.Shillings, description.Value);
    }

    /// <summary>The longest run of leading tokens that reads as one phone number ("0712 345 678").</summary>
    private static int PhoneRun(Match[] args, out string? msisdn)
    {
        for (var count = Math.Min(MaxPhoneTokens, args.Length); count >= 1; count--)
        {
            var joined = string.Concat(args.Take(count).Select(a => a.Value));
            if (MobileNumber.TryParseKenyan(joined, out var normalized))
            {
                msisdn = normalized;
                return count;
            }
        }

        msisdn = null;
        return 0;
    }

    private static int FirstAmountLike(Match[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i].Value;
            var isCurrencyThenAmount = AmountParser.IsCurrencyWord(token)
                && i + 1 < args.Length && IsAmountLike(args[i + 1].Value);
            if (isCurrencyThenAmount || IsAmountLike(token))
            {
                return i;
            }
        }

        return -1;
    }

    // A token that fails for a reason other than "not a number" was still meant as the amount.
    private static bool IsAmountLike(string token) =>
        AmountParser.Parse(token, long.MaxValue).Error is null or not AmountError.NotANumber;

    private static string Span(string text, Match first, Match last) =>
        text[first.Index..(last.Index + last.Length)];

    private static ParsedCommand Error(CommandErrorKind kind) => new CommandError(kind);

    private static bool LooksNumeric(string token) => NumericStart().IsMatch(token);

    [GeneratedRegex(@"^\+?[0-9][0-9\-]*$")]
    private static partial Regex NumericStart();
}
