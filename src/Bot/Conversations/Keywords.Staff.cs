namespace InvoiceFirst.Bot.Conversations;

public static partial class Keywords
{
    // The word after staff / wafanyakazi, in either language whatever the merchant's.
    private static readonly Dictionary<string, StaffAction> StaffActions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["add"] = StaffAction.Add,
        ["ongeza"] = StaffAction.Add,
        ["remove"] = StaffAction.Remove,
        ["ondoa"] = StaffAction.Remove,
    };

    public static bool TryStaffAction(string input, out StaffAction action) =>
        StaffActions.TryGetValue(input.Trim(), out action);
}
