using System.Globalization;
using System.Text.RegularExpressions;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

public static partial class CommandParser
{
    private const int MaxPhoneTokens = 4;
    private const int MaxPage = 9999;

    /// <summary><c>list 2</c>, <c>customers 3</c>: a page number after the keyword; anything else is page 1.</summary>
    private static ParsedCommand WithPage(Match[] args, Func<int, ParsedCommand> create) =>
        create(args.Length == 1 && int.TryParse(args[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            && page is >= 1 and <= MaxPage ? page : 1);

    /// <summary>The name and the phone, in either order: <c>customer Jane Wanjiru 0712 345 678</c> or <c>customer 0712345678 Jane</c>.</summary>
    private static ParsedCommand SaveCustomer(string text, Match[] args)
    {
        if (args.Length < 2) return new SaveCustomerRefused(SaveCustomerProblem.Missing);

        for (var count = Math.Min(MaxPhoneTokens, args.Length - 1); count >= 1; count--)
        {
            if (Phone(args[^count..]) is { } atEnd)
                return Named(text, args[0], args[^(count + 1)], atEnd);
            if (Phone(args[..count]) is { } atStart)
                return Named(text, args[count], args[^1], atStart);
        }

        return new SaveCustomerRefused(args.Any(a => a.Value.Any(char.IsAsciiDigit))
            ? SaveCustomerProblem.InvalidPhone
            : SaveCustomerProblem.Missing);
    }

    private static ParsedCommand Named(string text, Match first, Match last, string msisdn)
    {
        var name = FieldRules.CheckCustomerName(text[first.Index..(last.Index + last.Length)]);
        return name.IsValid && name.Value.Any(char.IsLetter) && !name.Value.Any(char.IsAsciiDigit)
            ? new SaveCustomerCommand(name.Value, msisdn)
            : new SaveCustomerRefused(SaveCustomerProblem.InvalidName);
    }

    private static string? Phone(Match[] tokens) =>
        MobileNumber.TryParseKenyan(string.Concat(tokens.Select(t => t.Value)), out var msisdn) ? msisdn : null;
}
