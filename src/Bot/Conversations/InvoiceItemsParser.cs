using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// <c>invoice &lt;customer&gt; &lt;item&gt;, &lt;item&gt;…</c>: the customer (a phone, a name and a phone, or a saved customer's
/// name, which ends at the first number or at a colon: <c>invoice Jane Wanjiru: cement, sand 300</c>), then the items
/// (<see cref="ItemListParser"/>). Text that only might be items ("1500 Website design, hosting") is left to the one-amount
/// command; text that can only be items ("… @750", two items with prices) is read as items or refused with the reason.
/// </summary>
internal static class InvoiceItemsParser
{
    public static ParsedCommand? TryParse(string text, Match[] args, long maxShillings, Func<ParsedCommand> oneAmount)
    {
        var tokens = args.Select(a => a.Value).ToArray();
        if (!TrySplitCustomer(tokens, out var msisdn, out var nameWords, out var itemsAt) || itemsAt >= tokens.Length)
        {
            return null;
        }

        var itemsText = text[args[itemsAt].Index..];
        var colon = itemsAt > 0 && tokens[itemsAt - 1].EndsWith(':');
        var clearly = colon || ItemListParser.IsClearlyItems(itemsText);
        var list = ItemListParser.Parse(itemsText, maxShillings);
        if (!list.IsSuccess)
        {
            return clearly
                ? new CommandError(CommandErrorKind.InvalidItem, list.AmountError) { Item = list.BadItem, ItemProblem = list.Problem }
                : null;
        }

        // One part without an @ price is the one-amount command whenever it reads as one ("1500 Timber 2 x 4" is KES 1,500
        // for "Timber 2 x 4"); only "cement 2x750", which has no amount first, is an item.
        if (!clearly && ItemListParser.CountSegments(itemsText) < 2 && (!list.HasExplicitPrice || oneAmount() is CreateInvoiceCommand))
        {
            return null;
        }

        // "1500 Website design, hosting and domain": items only if "hosting and domain" is a saved item, else one amount as always.
        CreateInvoiceCommand? single = null;
        if (!clearly && list.Items.Any(i => i is CountedItem { Quantity: 1 }))
        {
            // Not one amount either ("gravel, delivery 300"): items, so the answer can name the item without a price.
            single = oneAmount() as CreateInvoiceCommand;
        }

        string? name = null;
        var words = nameWords.Where(w => !ChatWords.IsFiller(w)).ToList();
        if (words.Count > 0)
        {
            var check = FieldRules.CheckCustomerName(string.Join(' ', words));
            if (!check.IsValid)
            {
                return new CommandError(check.Error == FieldError.TooShort
                    ? CommandErrorKind.CustomerNameTooShort
                    : CommandErrorKind.CustomerNameTooLong);
            }

            name = check.Value;
        }
        else if (msisdn is null)
        {
            return null;
        }

        return new ItemsInvoiceCommand(msisdn, name, list.Items, single);
    }

    private static bool TrySplitCustomer(string[] tokens, out string? msisdn, out List<string> nameWords, out int itemsAt)
    {
        msisdn = null;
        nameWords = [];
        itemsAt = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (ChatWords.TryPhoneAt(tokens, i, out var count, out var found))
            {
                if (!tokens[..i].All(IsNameWord)) return false;
                msisdn = found;
                nameWords.AddRange(tokens[..i]);
                itemsAt = i + count;
                TakeNameAfterPhone(tokens, nameWords, ref itemsAt);
                // Two phones: which one is the customer is asked by the one-amount reading.
                return !Enumerable.Range(itemsAt, tokens.Length - itemsAt).Any(j => ChatWords.TryPhoneAt(tokens, j, out _, out _));
            }

            if (tokens[i].EndsWith(':'))
            {
                nameWords.AddRange(tokens[..i]);
                nameWords.Add(tokens[i].TrimEnd(':'));
                nameWords.RemoveAll(w => w.Length == 0);
                itemsAt = i + 1;
                return FindPhone(nameWords, ref msisdn);
            }

            if (!IsNameWord(tokens[i]))
            {
                nameWords.AddRange(tokens[..i]);
                itemsAt = i;
                // The phone may come later, after the first item begins; then this is no customer-first command.
                return i > 0 && !Enumerable.Range(i, tokens.Length - i).Any(j => ChatWords.TryPhoneAt(tokens, j, out _, out _));
            }
        }

        return false;
    }

    // "0712345678 Jane 2 cement @750": words, then a count, then more words: the first words are the customer's name.
    // "0712345678 wheelbarrow 4500" has its number last, so "wheelbarrow" is an item.
    private static void TakeNameAfterPhone(string[] tokens, List<string> nameWords, ref int itemsAt)
    {
        var at = itemsAt;
        while (at < tokens.Length && IsNameWord(tokens[at]) && !tokens[at].EndsWith(',')) at++;
        if (at == itemsAt || at + 1 >= tokens.Length || !ChatWords.LooksNumeric(tokens[at].TrimEnd(','))) return;
        var next = tokens[at + 1];
        if (next.StartsWith('@') || next is "x" or "X" or "×" || tokens[at].EndsWith(',') || !next.Any(char.IsLetter)) return;
        nameWords.AddRange(tokens[itemsAt..at]);
        itemsAt = at;
    }

    private static bool FindPhone(List<string> words, ref string? msisdn)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (ChatWords.TryPhoneAt(words, i, out var count, out var found))
            {
                msisdn = found;
                words.RemoveRange(i, count);
                return true;
            }
        }

        return words.Count > 0;
    }

    private static bool IsNameWord(string token)
    {
        if (!token.Any(char.IsLetter) || char.IsAsciiDigit(token[0]) || token.Contains('@') || AmountParser.IsCurrencyWord(token)) return false;
        AmountParser.ReadAt([token], 0, long.MaxValue, out var consumed);
        return consumed == 0;
    }
}
