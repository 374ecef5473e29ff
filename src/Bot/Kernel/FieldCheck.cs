namespace InvoiceFirst.Bot.Kernel;

/// <summary>A validated free-text field: the value as it will be stored, or why it was refused.</summary>
public readonly record struct FieldCheck(string Value, FieldError? Error)
{
    public bool IsValid => Error is null;
}
