using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Turns one chat message into a command. Pure: customer names are returned for the caller to look up.</summary>
public static partial class CommandParser
{
    public static ParsedCommand Parse(string? text, long maxShillings = AmountParser.DefaultMaxShillings)
    {
        text ??= "";
        var tokens = Tokens().Matches(text).ToArray();
        if (tokens.Length == 0 || !Keywords.TryCommand(tokens[0].Value, out var word, out var language))
        {
            return new UnknownCommand();
        }

        var args = tokens[1..];
        ParsedCommand parsed = word switch
        {
            CommandWord.Invoice when args.Length == 0 => new StartGuidedCommand(),
            CommandWord.Invoice => InvoiceCommandParser.Parse(text, args, maxShillings),
            CommandWord.StartGuided when args.Length == 0 => new StartGuidedCommand(),
            CommandWord.StartGuided => new UnknownCommand(),
            CommandWord.Remind => WithNumber(args, n => new RemindCommand(n)),
            CommandWord.Cancel => WithNumber(args, n => new CancelCommand(n)),
            CommandWord.Status => WithNumber(args, n => new StatusCommand(n)),
            CommandWord.List => WithPage(args, page => new ListCommand(page)),
            CommandWord.More => new MoreCommand(),
            CommandWord.Customers => WithPage(args, page => new CustomersCommand(page)),
            CommandWord.Customer => SaveCustomer(text, args),
            CommandWord.Help => new HelpCommand(),
            CommandWord.Language => WithLanguage(args),
            CommandWord.StopReminders => WithNumber(args, n => new StopRemindersCommand(n)),
            CommandWord.Reminders when args.Length == 1 && Keywords.TrySwitch(args[0].Value, out var on) => new RemindersCommand(on),
            CommandWord.Reminders => new CommandError(CommandErrorKind.MissingSwitch),
            CommandWord.Stats when args.Length == 0 => new StatsCommand(),
            CommandWord.Summary => args.Length == 1 && Keywords.TrySwitch(args[0].Value, out var on)
                ? new SummaryCommand(on)
                : new CommandError(CommandErrorKind.MissingSummarySwitch),
            _ => new UnknownCommand(),
        };

        return language.IsSwahili && parsed is not UnknownCommand
            ? parsed with { DetectedLanguage = language }
            : parsed;
    }

    private static ParsedCommand WithNumber(Match[] args, Func<string, ParsedCommand> create)
    {
        if (args.Length == 0)
        {
            return new CommandError(CommandErrorKind.MissingInvoiceNumber);
        }

        // "inv 42" is typed as often as "inv-42".
        var joined = string.Concat(args.Select(a => a.Value));
        return InvoiceNumber.TryNormalize(joined, out var number)
            ? create(number)
            : new CommandError(CommandErrorKind.InvalidInvoiceNumber);
    }

    private static ParsedCommand WithLanguage(Match[] args)
    {
        if (args.Length == 0)
        {
            return new CommandError(CommandErrorKind.MissingLanguage);
        }

        return Language.TryParse(args[0].Value, out var language)
            ? new LanguageCommand(language.Code)
            : new CommandError(CommandErrorKind.UnsupportedLanguage);
    }

    [GeneratedRegex(@"\S+")]
    internal static partial Regex Tokens();
}
