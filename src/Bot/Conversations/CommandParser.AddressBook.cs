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
    private static ParsedCommand SaveCustomer(string text, Match[] args) =>
        NameAndPhone(text, args, (name, msisdn) => new SaveCustomerCommand(name, msisdn), problem => new SaveCustomerRefused(problem));

    /// <summary>A name and a phone in either order (<c>Jane Wanjiru 0712 345 678</c>, <c>0712345678 Jane</c>), as a command or what is wrong.</summary>
    private static ParsedCommand NameAndPhone(string text, Match[] args, Func<string, string, ParsedCommand> create,
        Func<SaveCustomerProblem, ParsedCommand> refuse)
    {
        if (args.Length < 2) return refuse(SaveCustomerProblem.Missing);

        for (var count = Math.Min(MaxPhoneTokens, args.Length - 1); count >= 1; count--)
        {
            if (Phone(args[^count..]) is { } atEnd)
                return Named(text, args[0], args[^(count + 1)], atEnd, create, refuse);
            if (Phone(args[..count]) is { } atStart)
                return Named(text, args[count], args[^1], atStart, create, refuse);
        }

        return refuse(args.Any(a => a.Value.Any(char.IsAsciiDigit))
            ? SaveCustomerProblem.InvalidPhone
            : SaveCustomerProblem.Missing);
    }

    private static ParsedCommand Named(string text, Match first, Match last, string msisdn, Func<string, string, ParsedCommand> create,
        Func<SaveCustomerProblem, ParsedCommand> refuse)
    {
        var name = FieldRules.CheckCustomerName(text[first.Index..(last.Index + last.Length)]);
        return name.IsValid && name.Value.Any(char.IsLetter) && !name.Value.Any(char.IsAsciiDigit)
            ? create(name.Value, msisdn)
            : refuse(SaveCustomerProblem.InvalidName);
    }

    private static string? Phone(Match[] tokens) =>
        MobileNumber.TryParseKenyan(string.Concat(tokens.Select(t => t.Value)), out var msisdn) ? msisdn : null;
}
