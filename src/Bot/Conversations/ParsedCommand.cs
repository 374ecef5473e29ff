namespace InvoiceFirst.Bot.Conversations;

// A closed hierarchy that only exists together, so it shares one file.

/// <summary>What a chat message asks for. <see cref="DetectedLanguage"/> is set when a Swahili keyword was used.</summary>
public abstract record ParsedCommand
{
    private protected ParsedCommand()
    {
    }

    public Language? DetectedLanguage { get; init; }
}

/// <summary>Exactly one of <paramref name="Msisdn"/> and <paramref name="CustomerName"/> is set; a name is looked up by the caller.</summary>
public sealed record CreateInvoiceCommand(string? Msisdn, string? CustomerName, long AmountShillings, string Description)
    : ParsedCommand;

public sealed record StartGuidedCommand : ParsedCommand;

public sealed record RemindCommand(string Number) : ParsedCommand;

public sealed record CancelCommand(string Number) : ParsedCommand;

public sealed record StatusCommand(string Number) : ParsedCommand;

/// <summary><c>list</c> / <c>orodha</c> [page]: unpaid invoices, 10 a page.</summary>
public sealed record ListCommand(int Page = 1) : ParsedCommand;

public sealed record HelpCommand : ParsedCommand;

/// <summary><paramref name="Language"/> is the code, "en" or "sw".</summary>
public sealed record LanguageCommand(string Language) : ParsedCommand;

/// <summary>No more automatic reminders for one invoice.</summary>
public sealed record StopRemindersCommand(string Number) : ParsedCommand;

/// <summary>Automatic reminders on or off for all of the merchant's invoices.</summary>
public sealed record RemindersCommand(bool Enabled) : ParsedCommand;

public sealed record StatsCommand : ParsedCommand;
/// <summary>Evening summary on or off (<c>summary on|off</c>, <c>muhtasari washa|zima</c>).</summary>
public sealed record SummaryCommand(bool On) : ParsedCommand;

public sealed record UnknownCommand : ParsedCommand;

public sealed record CommandError(CommandErrorKind Kind, AmountError? AmountError = null) : ParsedCommand;
