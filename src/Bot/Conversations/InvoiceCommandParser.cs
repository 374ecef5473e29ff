using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// The arguments of <c>invoice [name] &lt;phone&gt; [name] &lt;amount&gt; &lt;description&gt;</c>, or of
/// <c>invoice &lt;saved name&gt; &lt;amount&gt; &lt;description&gt;</c>. Words around the phone are the customer's name;
/// joining words ("ankara ya 0712…") make it a sentence, which is proposed rather than sent.
/// </summary>
internal static class InvoiceCommandParser
{
    public static ParsedCommand Parse(string text, Match[] args, long maxShillings) =>
        InvoiceItemsParser.TryParse(text, args, maxShillings, () => ParseOneAmount(text, args, maxShillings)) ?? ParseOneAmount(text, args, maxShillings);

    private static ParsedCommand ParseOneAmount(string text, Match[] args, long maxShillings)
    {
        var tokens = args.Select(a => a.Value).ToArray();
        var phones = new List<string>();
        var nameAt = new List<int>();
        var amountAt = -1;
        var amountLength = 0;
        var amount = AmountParseResult.Fail(AmountError.NotANumber);
        for (var i = 0; i < tokens.Length;)
        {
            if (ChatWords.TryPhoneAt(tokens, i, out var count, out var msisdn))
            {
                // The same number written twice is still one customer.
                if (!phones.Contains(msisdn)) phones.Add(msisdn);
                i += count;
                continue;
            }

            if (ChatWords.LooksLikePhone(tokens[i]))
            {
                return Error(CommandErrorKind.InvalidPhone);
            }

            amount = AmountParser.ReadAt(tokens, i, maxShillings, out amountLength);
            if (amountLength > 0)
            {
                amountAt = i;
                break;
            }

            nameAt.Add(i);
            i++;
        }

        if (amountAt < 0)
        {
            return phones.Count > 0 && nameAt.Count > 0
                ? new CommandError(CommandErrorKind.InvalidAmount, AmountError.NotANumber)
                : Error(CommandErrorKind.MissingAmount);
        }

        if (phones.Count == 0 && nameAt.Count == 0)
        {
            return Error(ChatWords.LooksNumeric(tokens[0]) ? CommandErrorKind.InvalidPhone : CommandErrorKind.MissingCustomer);
        }

        if (!amount.IsSuccess)
        {
            return new CommandError(CommandErrorKind.InvalidAmount, amount.Error);
        }

        var next = amountAt + amountLength;
        if (next >= tokens.Length)
        {
            return Error(CommandErrorKind.MissingDescription);
        }

        var description = FieldRules.CheckDescription(text[args[next].Index..]);
        if (!description.IsValid)
        {
            return Error(description.Error == FieldError.TooShort
                ? CommandErrorKind.DescriptionTooShort
                : CommandErrorKind.DescriptionTooLong);
        }

        if (phones.Count > 1)
        {
            return new AskWhichPhoneCommand(phones[0], phones[1], amount.Shillings, description.Value);
        }

        var words = nameAt.Select(i => tokens[i]).ToList();
        var joining = words.Any(ChatWords.IsFiller);
        var nameWords = words.Where(w => !ChatWords.IsFiller(w)).ToList();
        string? name = null;
        if (nameWords.Count > 0)
        {
            var check = FieldRules.CheckCustomerName(string.Join(' ', nameWords));
            if (!check.IsValid)
            {
                return Error(check.Error == FieldError.TooShort
                    ? CommandErrorKind.CustomerNameTooShort
                    : CommandErrorKind.CustomerNameTooLong);
            }

            name = check.Value;
        }
        else if (phones.Count == 0)
        {
            return Error(CommandErrorKind.MissingCustomer);
        }

        var invoice = new CreateInvoiceCommand(phones.FirstOrDefault(), name, amount.Shillings, description.Value);
        return joining ? new ProposeInvoiceCommand(invoice, ProposalReason.Sentence) : invoice;
    }

    private static CommandError Error(CommandErrorKind kind) => new(kind);
}
