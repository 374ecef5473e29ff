using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary><c>mpesa</c> (what is set up), <c>mpesa setup</c> / <c>mpesa weka</c> (a link to the form), <c>mpesa remove</c> / <c>mpesa ondoa</c>.</summary>
public sealed record MpesaCommand(MpesaAction Action) : ParsedCommand;

public enum MpesaAction
{
    Show,
    Setup,
    Remove,
}

public static partial class CommandParser
{
    private static ParsedCommand Mpesa(Match[] args) => args.Length switch
    {
        0 => new MpesaCommand(MpesaAction.Show),
        1 => args[0].Value.ToLowerInvariant() switch
        {
            "setup" or "set" or "keys" => new MpesaCommand(MpesaAction.Setup),
            "weka" => new MpesaCommand(MpesaAction.Setup) { DetectedLanguage = Language.Swahili },
            "remove" or "delete" => new MpesaCommand(MpesaAction.Remove),
            "ondoa" => new MpesaCommand(MpesaAction.Remove) { DetectedLanguage = Language.Swahili },
            _ => new CommandError(CommandErrorKind.MpesaUsage),
        },
        _ => new CommandError(CommandErrorKind.MpesaUsage),
    };
}
