namespace InvoiceFirst.Bot.Conversations;

// The owner's commands about staff: a tiny group of the ParsedCommand hierarchy. Only the owner may run any of them.

/// <summary><c>staff …</c> / <c>wafanyakazi …</c>.</summary>
public abstract record StaffCommand : ParsedCommand;

/// <summary><c>staff</c> / <c>wafanyakazi</c> alone: who is on the staff.</summary>
public sealed record StaffListCommand : StaffCommand;

/// <summary><c>staff add 0712345678 Jane</c> / <c>wafanyakazi ongeza …</c> (the name may also come first).</summary>
public sealed record StaffAddCommand(string Msisdn, string Name) : StaffCommand;

/// <summary><c>staff remove 0712345678</c> / <c>wafanyakazi ondoa …</c>.</summary>
public sealed record StaffRemoveCommand(string Msisdn) : StaffCommand;

/// <summary>A <c>staff</c> command that cannot be read: the reply says what to type.</summary>
public sealed record StaffRefused(StaffProblem Problem) : StaffCommand;

public enum StaffAction
{
    Add,
    Remove,
}

public enum StaffProblem
{
    UnknownAction,
    AddMissing,
    InvalidPhone,
    InvalidName,
    RemoveMissing,
}
