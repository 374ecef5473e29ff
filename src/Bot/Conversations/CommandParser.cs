using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Turns one chat message into a command. Pure: customer names are returned for the caller to look up.</summary>
public static partial class CommandParser
{
    public static ParsedCommand Parse(string? text, long maxShillings = AmountParser.DefaultMaxShillings)
    {
        text ??= "";
        if (text.StartsWith(Keywords.ProposeButtonPrefix, StringComparison.Ordinal))
        {
            // A tapped choice ("which phone?") carries the invoice it stands for: shown as a summary, not sent.
            return Parse(text[Keywords.ProposeButtonPrefix.Length..], maxShillings) is CreateInvoiceCommand chosen
                ? new ProposeInvoiceCommand(chosen with { DetectedLanguage = null }, ProposalReason.ChosenPhone)
                {
                    DetectedLanguage = chosen.DetectedLanguage,
                }
                : new UnknownCommand();
        }

        var tokens = Tokens().Matches(text).ToArray();
        if (tokens.Length == 0)
        {
            return new UnknownCommand();
        }

        if (!Keywords.TryCommand(tokens[0].Value, out var word, out var language))
        {
            return NotACommand(text, tokens, maxShillings);
        }

        var parsed = ParseCommand(word, text, tokens[1..], maxShillings);
        if (word == CommandWord.Invoice && parsed is CommandError && InvoiceSentenceParser.TryParse(text, tokens, maxShillings) is { } sentence)
        {
            parsed = sentence;
        }

        return language.IsSwahili && parsed is not UnknownCommand
            ? parsed with { DetectedLanguage = language }
            : parsed;
    }

    private static ParsedCommand ParseCommand(CommandWord word, string text, Match[] args, long maxShillings)
    {
        return word switch
        {
            CommandWord.Invoice when args.Length == 0 => new StartGuidedCommand(),
            CommandWord.Invoice => InvoiceCommandParser.Parse(text, args, maxShillings),
            CommandWord.StartGuided when args.Length == 0 => new StartGuidedCommand(),
            CommandWord.StartGuided => new UnknownCommand(),
            CommandWord.Remind => WithNumber(word, args, n => new RemindCommand(n)),
            CommandWord.Cancel => WithNumber(word, args, n => new CancelCommand(n)),
            CommandWord.Status => WithNumber(word, args, n => new StatusCommand(n)),
            CommandWord.List => WithPage(args, page => new ListCommand(page)),
            CommandWord.More => new MoreCommand(),
            CommandWord.Customers => WithPage(args, page => new CustomersCommand(page)),
            CommandWord.Customer => SaveCustomer(text, args),
            CommandWord.Staff => Staff(text, args),
            CommandWord.Product => Products(text, args, maxShillings),
            CommandWord.Vat => Vat(args),
            CommandWord.Help => new HelpCommand(),
            CommandWord.Web when args.Length == 0 => new WebCommand(),
            CommandWord.Mpesa => Mpesa(args),
            CommandWord.Balance when args.Length == 0 => new BalanceCommand(),
            CommandWord.Language => WithLanguage(args),
            CommandWord.StopReminders => WithNumber(word, args, n => new StopRemindersCommand(n)),
            CommandWord.Reminders when args.Length == 1 && Keywords.TrySwitch(args[0].Value, out var on) => new RemindersCommand(on),
            CommandWord.Reminders => new CommandError(CommandErrorKind.MissingSwitch),
            CommandWord.Stats when args.Length == 0 => new StatsCommand(),
            CommandWord.Summary => args.Length == 1 && Keywords.TrySwitch(args[0].Value, out var on)
                ? new SummaryCommand(on)
                : new CommandError(CommandErrorKind.MissingSummarySwitch),
            CommandWord.Pdf => args.Length == 1 && Keywords.TrySwitch(args[0].Value, out var on)
                ? new PdfCommand(on)
                : new CommandError(CommandErrorKind.MissingPdfSwitch),
            _ => new UnknownCommand(),
        };
    }

    // Not a keyword: a keyword with one typo, a greeting, or an invoice written as a sentence.
    private static ParsedCommand NotACommand(string text, Match[] tokens, long maxShillings)
    {
        var words = tokens.Select(t => t.Value).ToArray();
        if (KeywordTypos.TryCorrect(tokens[0].Value, out var keyword))
        {
            var corrected = keyword + text[(tokens[0].Index + tokens[0].Length)..];
            var language = Keywords.TryCommand(keyword, out _, out var lang) ? lang : Language.English;
            ParsedCommand asked = Parse(corrected, maxShillings) switch
            {
                CreateInvoiceCommand invoice => new ProposeInvoiceCommand(invoice with { DetectedLanguage = null }, ProposalReason.Typo),
                ProposeInvoiceCommand proposal => proposal with { Reason = ProposalReason.Typo },
                AskWhichPhoneCommand which => which,
                UnknownCommand => new UnknownCommand(),
                _ => new DidYouMeanCommand(corrected.Trim()),
            };
            return asked is UnknownCommand ? asked : asked with { DetectedLanguage = language };
        }

        if (!text.Any(char.IsLetterOrDigit) && !text.Contains('?'))
        {
            return new AcknowledgementCommand();
        }

        return GreetingParser.TryParse(words) as ParsedCommand
            ?? InvoiceSentenceParser.TryParse(text, tokens, maxShillings) as ParsedCommand
            ?? new UnknownCommand();
    }

    private static ParsedCommand WithNumber(CommandWord word, Match[] args, Func<string, ParsedCommand> create)
    {
        if (args.Length == 0)
        {
            return new CommandError(CommandErrorKind.MissingInvoiceNumber) { For = word };
        }

        // "inv 42" is typed as often as "inv-42".
        var joined = string.Concat(args.Select(a => a.Value));
        return InvoiceNumber.TryNormalize(joined, out var number)
            ? create(number)
            : new CommandError(CommandErrorKind.InvalidInvoiceNumber) { For = word };
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
