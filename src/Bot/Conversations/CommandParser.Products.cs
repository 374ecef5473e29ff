using System.Text.RegularExpressions;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

public static partial class CommandParser
{
    /// <summary><c>items</c>, <c>item add Cement 750</c>, <c>item remove cement</c> (and <c>bidhaa</c>, <c>ongeza</c>, <c>ondoa</c>).</summary>
    private static ParsedCommand Products(string text, Match[] args, long maxShillings)
    {
        if (args.Length == 0) return new ProductListCommand();
        if (!Keywords.TryStaffAction(args[0].Value, out var action) || args.Length == 1) return new ProductRefused(null);

        var rest = args[1..];
        var words = rest.Select(a => a.Value).ToArray();
        if (action == StaffAction.Remove)
        {
            var name = FieldRules.CheckItemName(text[rest[0].Index..]);
            return name.IsValid ? new ProductRemoveCommand(name.Value) : new ProductRefused(null);
        }

        // The price is at the end, however it is written ("Cement 750", "Saruji KES 750", "Saruji elfu moja").
        for (var i = 1; i < words.Length; i++)
        {
            var price = AmountParser.ReadAt(words, i, maxShillings, out var consumed);
            if (consumed == 0 || i + consumed != words.Length) continue;
            if (!price.IsSuccess) return new ProductRefused(price.Error);
            var name = FieldRules.CheckItemName(text[rest[0].Index..(rest[i - 1].Index + rest[i - 1].Length)]);
            return name.IsValid ? new ProductAddCommand(name.Value, price.Shillings) : new ProductRefused(null);
        }

        return new ProductRefused(null);
    }

    /// <summary><c>vat none|inclusive|exclusive</c> (Kiswahili: <c>hakuna</c>, <c>ndani</c>, <c>nje</c>).</summary>
    private static ParsedCommand Vat(Match[] args) =>
        args.Length == 1 && Keywords.TryVatMode(args[0].Value, out var mode) ? new VatCommand(mode) : new CommandError(CommandErrorKind.MissingVatMode);
}
