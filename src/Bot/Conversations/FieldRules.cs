using System.Globalization;

namespace InvoiceFirst.Bot.Conversations;

// Placeholder until the conversation core lands.
public static class FieldRules
{
    public const int DescriptionMin = 3, DescriptionMax = 120, NameMin = 2, NameMax = 60;

    public static bool IsValidDescription(string s) => new StringInfo(s).LengthInTextElements is >= DescriptionMin and <= DescriptionMax;

    public static bool IsValidCustomerName(string s) => new StringInfo(s).LengthInTextElements is >= NameMin and <= NameMax;
}
