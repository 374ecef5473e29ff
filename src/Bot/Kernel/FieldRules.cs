using System.Globalization;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>Length rules shared by the one-line command and the guided flow.</summary>
public static class FieldRules
{
    public const int DescriptionMin = 3;
    public const int DescriptionMax = 120;
    public const int NameMin = 2;
    public const int NameMax = 60;

    public static FieldCheck CheckDescription(string? input) => Check(input, DescriptionMin, DescriptionMax);

    /// <summary>An invoice item or a saved item is named like a customer: 2 to 60 characters ("TV" is an item).</summary>
    public static FieldCheck CheckItemName(string? input) => Check(input, NameMin, NameMax);

    public static FieldCheck CheckCustomerName(string? input) => Check(input, NameMin, NameMax);

    /// <summary>A business is named like a customer: 2 to 60 characters.</summary>
    public static FieldCheck CheckBusinessName(string? input) => Check(input, NameMin, NameMax);

    /// <summary>A name people will read (a business's, a staff member's): 2 to 60 characters with at least one letter.</summary>
    public static bool IsName(string? input, out string name)
    {
        var check = CheckBusinessName(input);
        name = check.Value;
        return check.IsValid && name.Any(char.IsLetter);
    }

    // Counted in text elements so an emoji or a letter with combining marks is one character,
    // which is what the merchant sees on the phone.
    public static int VisibleLength(string text) => new StringInfo(text).LengthInTextElements;

    private static FieldCheck Check(string? input, int min, int max)
    {
        var value = input?.Trim() ?? "";
        var length = VisibleLength(value);
        FieldError? error = length < min ? FieldError.TooShort : length > max ? FieldError.TooLong : null;
        return new FieldCheck(value, error);
    }
}
