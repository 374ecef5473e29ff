namespace InvoiceFirst.Bot.Conversations;

public static partial class Keywords
{
    public const string EditCustomerButton = "draft:edit:customer";
    public const string EditAmountButton = "draft:edit:amount";
    public const string EditDescriptionButton = "draft:edit:description";

    private static readonly Dictionary<string, EditField> EditFields = new(StringComparer.OrdinalIgnoreCase)
    {
        [EditCustomerButton] = EditField.Customer,
        ["customer"] = EditField.Customer,
        ["phone"] = EditField.Customer,
        ["number"] = EditField.Customer,
        ["name"] = EditField.Customer,
        ["mteja"] = EditField.Customer,
        ["simu"] = EditField.Customer,
        ["namba"] = EditField.Customer,
        ["jina"] = EditField.Customer,
        ["1"] = EditField.Customer,
        [EditAmountButton] = EditField.Amount,
        ["amount"] = EditField.Amount,
        ["price"] = EditField.Amount,
        ["kiasi"] = EditField.Amount,
        ["bei"] = EditField.Amount,
        ["2"] = EditField.Amount,
        [EditDescriptionButton] = EditField.Description,
        ["description"] = EditField.Description,
        ["maelezo"] = EditField.Description,
        ["3"] = EditField.Description,
    };

    /// <summary>Only asked at the "what to change?" step, where a bare "2" cannot be anything else.</summary>
    public static bool TryEditField(string input, out EditField field) =>
        EditFields.TryGetValue(input.Trim().TrimEnd('.', '!'), out field);
}
