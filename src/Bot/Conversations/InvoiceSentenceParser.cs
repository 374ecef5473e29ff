using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// An invoice written as a sentence, in English, Kiswahili or a mix: "send invoice to 0712345678 for 1500 website
/// design", "nataka kutuma invoice ya 1500 kwa 0712345678 ya viatu". It needs exactly one phone (or a name after
/// "to"/"kwa"), exactly one amount, and words after them; anything less certain is not read as an invoice.
/// </summary>
internal static class InvoiceSentenceParser
{
    private const int MaxNameWords = 4;

    private static readonly HashSet<string> NameMarkers = new(StringComparer.OrdinalIgnoreCase) { "to", "kwa" };

    public static ProposeInvoiceCommand? TryParse(string text, Match[] matches, long maxShillings)
    {
        var tokens = matches.Select(m => m.Value).ToArray();
        var phones = new List<(int Start, int End, string Msisdn)>();
        var amounts = new List<(int Start, int End, AmountParseResult Result)>();
        for (var i = 0; i < tokens.Length;)
        {
            if (ChatWords.TryPhoneAt(tokens, i, out var count, out var msisdn))
            {
                phones.Add((i, i + count, msisdn));
                i += count;
                continue;
            }

            if (ChatWords.LooksLikePhone(tokens[i]))
            {
                return null;
            }

            var amount = AmountParser.ReadAt(tokens, i, maxShillings, out var length);
            if (length > 0)
            {
                amounts.Add((i, i + length, amount));
                i += length;
                continue;
            }

            i++;
        }

        // Two numbers that could be the amount, or two phones: a guess either way, so no proposal.
        if (amounts.Count != 1 || !amounts[0].Result.IsSuccess || phones.Count > 1)
        {
            return null;
        }

        var (amountStart, amountEnd, result) = amounts[0];
        string? msisdnFound = null;
        string? name;
        int customerEnd;
        if (phones.Count == 1)
        {
            msisdnFound = phones[0].Msisdn;
            name = NameBefore(tokens, phones[0].Start);
            customerEnd = phones[0].End;
        }
        else
        {
            if (!tokens.Any(ChatWords.IsIntent) || !TryNameAfterMarker(tokens, amountStart, out name, out customerEnd))
            {
                return null;
            }
        }

        var from = Math.Max(customerEnd, amountEnd);
        while (from < tokens.Length && ChatWords.IsFiller(tokens[from]))
        {
            from++;
        }

        if (from >= tokens.Length)
        {
            return null;
        }

        var description = FieldRules.CheckDescription(text[matches[from].Index..]);
        if (!description.IsValid || (name is not null && !FieldRules.CheckCustomerName(name).IsValid))
        {
            return null;
        }

        return new ProposeInvoiceCommand(
            new CreateInvoiceCommand(msisdnFound, name, result.Shillings, description.Value), ProposalReason.Sentence);
    }

    // "to Jane Wanjiru 0712…": the words right before the phone that are neither joining nor "send invoice" words.
    private static string? NameBefore(string[] tokens, int phoneStart)
    {
        var start = phoneStart;
        while (start > 0 && phoneStart - start < MaxNameWords && IsNameWord(tokens[start - 1]))
        {
            start--;
        }

        return start == phoneStart ? null : string.Join(' ', tokens[start..phoneStart]);
    }

    // "to Jane for 1500", "kwa Jane ya viatu": a saved customer's name after "to"/"kwa", before the amount or after it.
    private static bool TryNameAfterMarker(string[] tokens, int amountStart, out string? name, out int end)
    {
        name = null;
        end = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!NameMarkers.Contains(ChatWords.Clean(tokens[i])))
            {
                continue;
            }

            end = i + 1;
            while (end < tokens.Length && end != amountStart && end - i <= MaxNameWords && IsNameWord(tokens[end]))
            {
                end++;
            }

            if (end > i + 1)
            {
                name = string.Join(' ', tokens[(i + 1)..end].Select(ChatWords.Clean));
                return true;
            }
        }

        return false;
    }

    private static bool IsNameWord(string token) =>
        !ChatWords.IsFiller(token) && !ChatWords.IsIntent(token) && !ChatWords.LooksNumeric(token)
        && !AmountParser.IsCurrencyWord(token) && token.Any(char.IsLetter);
}
