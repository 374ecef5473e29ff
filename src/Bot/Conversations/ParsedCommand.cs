using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

// A closed hierarchy that only exists together, so it shares one file.

/// <summary>What a chat message asks for. <see cref="DetectedLanguage"/> is set when a Swahili keyword (or a greeting, in its language) was used.</summary>
public abstract record ParsedCommand
{
    private protected ParsedCommand()
    {
    }

    public Language? DetectedLanguage { get; init; }
}

/// <summary>
/// <paramref name="Msisdn"/> or <paramref name="CustomerName"/> or both are set; a name alone is a saved customer the caller
/// looks up, a name with a phone is the name to invoice that phone under.
/// </summary>
public sealed record CreateInvoiceCommand(string? Msisdn, string? CustomerName, long AmountShillings, string Description)
    : ParsedCommand;

/// <summary>
/// <c>invoice 0712345678 2 cement @750, delivery 300</c>: an invoice of several items (or one with a unit price), always shown as a
/// summary before it goes. Saved items named in it are looked up by the caller (<see cref="ItemResolver"/>).
/// </summary>
/// <param name="OneAmount">
/// The same text read as one amount ("1500 Website design, hosting"), when that is how it always read: it is what is sent when
/// an item without a price is not a saved item.
/// </param>
public sealed record ItemsInvoiceCommand(string? Msisdn, string? CustomerName, IReadOnlyList<ItemSpec> Items, CreateInvoiceCommand? OneAmount = null)
    : ParsedCommand;

public sealed record StartGuidedCommand : ParsedCommand;

public sealed record RemindCommand(string Number) : ParsedCommand;

public sealed record CancelCommand(string Number) : ParsedCommand;

public sealed record StatusCommand(string Number) : ParsedCommand;

/// <summary><c>list</c> / <c>orodha</c> [page]: unpaid invoices, 10 a page.</summary>
public sealed record ListCommand(int Page = 1) : ParsedCommand;

public sealed record HelpCommand : ParsedCommand;

/// <summary><c>web</c> / <c>dashibodi</c>: a one-tap link to the dashboard.</summary>
public sealed record WebCommand : ParsedCommand;

/// <summary><paramref name="Language"/> is the code, "en" or "sw".</summary>
public sealed record LanguageCommand(string Language) : ParsedCommand;

/// <summary>No more automatic reminders for one invoice.</summary>
public sealed record StopRemindersCommand(string Number) : ParsedCommand;

/// <summary>Automatic reminders on or off for all of the merchant's invoices.</summary>
public sealed record RemindersCommand(bool Enabled) : ParsedCommand;

public sealed record StatsCommand : ParsedCommand;

/// <summary>What the service collected for the merchant and has not paid out (<c>balance</c>, <c>salio</c>).</summary>
public sealed record BalanceCommand : ParsedCommand;

/// <summary>Evening summary on or off (<c>summary on|off</c>, <c>muhtasari washa|zima</c>).</summary>
public sealed record SummaryCommand(bool On) : ParsedCommand;

/// <summary><c>pdf on|off</c>: the PDF invoice and receipt sent to customers as WhatsApp documents.</summary>
public sealed record PdfCommand(bool On) : ParsedCommand;

/// <summary><c>items</c> / <c>bidhaa</c>: the saved items and their prices.</summary>
public sealed record ProductListCommand : ParsedCommand;

/// <summary><c>item add Cement 750</c>: saves the item, or gives the saved one of that name its new price.</summary>
public sealed record ProductAddCommand(string Name, long UnitShillings) : ParsedCommand;

/// <summary><c>item remove cement</c>.</summary>
public sealed record ProductRemoveCommand(string Name) : ParsedCommand;

/// <summary>An <c>item</c> command that could not be read; <paramref name="AmountError"/> when it was the price.</summary>
public sealed record ProductRefused(AmountError? AmountError) : ParsedCommand;

/// <summary><c>vat none|inclusive|exclusive</c>: how the business's new invoices charge VAT (owner only).</summary>
public sealed record VatCommand(VatMode Mode) : ParsedCommand;

public sealed record UnknownCommand : ParsedCommand;

public sealed record CommandError(CommandErrorKind Kind, AmountError? AmountError = null) : ParsedCommand
{
    /// <summary>The command the error is about, so the reply can show how to write it ("status INV-0042").</summary>
    public CommandWord? For { get; init; }

    /// <summary>For <see cref="CommandErrorKind.InvalidItem"/>: the item as written, and what is wrong with it.</summary>
    public string? Item { get; init; }

    public ItemProblem? ItemProblem { get; init; }
}

/// <summary>
/// An invoice read from something other than an exact one-line command (a sentence, a misspelt keyword, a
/// chosen phone): shown as a summary with Send / Edit / Cancel, never sent at once.
/// </summary>
public sealed record ProposeInvoiceCommand(CreateInvoiceCommand Invoice, ProposalReason Reason) : ParsedCommand;

/// <summary>Two phone numbers before the amount: which one is the customer is asked, never guessed.</summary>
public sealed record AskWhichPhoneCommand(string First, string Second, long AmountShillings, string Description) : ParsedCommand;

/// <summary>A misspelt keyword ("remnd 42"): the corrected text is suggested, nothing is done.</summary>
public sealed record DidYouMeanCommand(string Suggestion) : ParsedCommand;

/// <summary>A message of only emoji or punctuation ("👍", "🙏", "..."): an acknowledgement, like a reaction, that asks for no answer.</summary>
public sealed record AcknowledgementCommand : ParsedCommand;

/// <summary>hi, habari, asante, menu, ?: answered with the menu.</summary>
public sealed record GreetingCommand(GreetingKind Kind) : ParsedCommand;
