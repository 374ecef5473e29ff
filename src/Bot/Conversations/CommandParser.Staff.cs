using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

public static partial class CommandParser
{
    /// <summary><c>staff</c>, <c>staff add 0712345678 Jane</c>, <c>staff remove 0712345678</c> (and <c>wafanyakazi</c>, <c>ongeza</c>, <c>ondoa</c>).</summary>
    private static ParsedCommand Staff(string text, Match[] args)
    {
        if (args.Length == 0) return new StaffListCommand();
        if (!Keywords.TryStaffAction(args[0].Value, out var action)) return new StaffRefused(StaffProblem.UnknownAction);

        var rest = args[1..];
        return action == StaffAction.Add
            ? NameAndPhone(text, rest, (name, msisdn) => new StaffAddCommand(msisdn, name), problem => new StaffRefused(problem switch
            {
                SaveCustomerProblem.InvalidPhone => StaffProblem.InvalidPhone,
                SaveCustomerProblem.InvalidName => StaffProblem.InvalidName,
                _ => StaffProblem.AddMissing,
            }))
            : RemoveStaff(rest);
    }

    // The phone, however it is spaced; a name after it is allowed ("staff remove 0712345678 Jane").
    private static ParsedCommand RemoveStaff(Match[] args)
    {
        for (var count = Math.Min(MaxPhoneTokens, args.Length); count >= 1; count--)
        {
            if (Phone(args[..count]) is { } msisdn)
                return new StaffRemoveCommand(msisdn);
        }

        return new StaffRefused(args.Any(a => a.Value.Any(char.IsAsciiDigit)) ? StaffProblem.InvalidPhone : StaffProblem.RemoveMissing);
    }
}
