namespace InvoiceFirst.Bot.Conversations;

/// <summary>Every word the bot reacts to, English and Swahili, in one table.</summary>
public static partial class Keywords
{
    public const string SendButton = "draft:send";
    public const string EditButton = "draft:edit";
    public const string CancelButton = "draft:cancel";

    /// <summary>A choice button that carries the invoice it stands for ("which phone?"): tapping it shows the summary.</summary>
    public const string ProposeButtonPrefix = "draft:propose:";

    private static readonly Dictionary<string, (CommandWord Word, Language Language)> Commands =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["invoice"] = (CommandWord.Invoice, Language.English),
            ["inv"] = (CommandWord.Invoice, Language.English),
            ["ankara"] = (CommandWord.Invoice, Language.Swahili),
            ["new"] = (CommandWord.StartGuided, Language.English),
            ["mpya"] = (CommandWord.StartGuided, Language.Swahili),
            ["remind"] = (CommandWord.Remind, Language.English),
            ["kumbusha"] = (CommandWord.Remind, Language.Swahili),
            ["cancel"] = (CommandWord.Cancel, Language.English),
            ["ghairi"] = (CommandWord.Cancel, Language.Swahili),
            ["status"] = (CommandWord.Status, Language.English),
            ["hali"] = (CommandWord.Status, Language.Swahili),
            ["list"] = (CommandWord.List, Language.English),
            ["orodha"] = (CommandWord.List, Language.Swahili),
            ["help"] = (CommandWord.Help, Language.English),
            ["msaada"] = (CommandWord.Help, Language.Swahili),
            ["lang"] = (CommandWord.Language, Language.English),
            ["lugha"] = (CommandWord.Language, Language.Swahili),
            ["stop"] = (CommandWord.StopReminders, Language.English),
            ["acha"] = (CommandWord.StopReminders, Language.Swahili),
            ["reminders"] = (CommandWord.Reminders, Language.English),
            ["vikumbusho"] = (CommandWord.Reminders, Language.Swahili),
            ["stats"] = (CommandWord.Stats, Language.English),
            ["takwimu"] = (CommandWord.Stats, Language.Swahili),
            ["summary"] = (CommandWord.Summary, Language.English),
            ["muhtasari"] = (CommandWord.Summary, Language.Swahili),
            ["pdf"] = (CommandWord.Pdf, Language.English),
            ["more"] = (CommandWord.More, Language.English),
            ["next"] = (CommandWord.More, Language.English),
            ["zaidi"] = (CommandWord.More, Language.Swahili),
            ["customers"] = (CommandWord.Customers, Language.English),
            ["wateja"] = (CommandWord.Customers, Language.Swahili),
            ["customer"] = (CommandWord.Customer, Language.English),
            ["mteja"] = (CommandWord.Customer, Language.Swahili),
            ["web"] = (CommandWord.Web, Language.English),
            ["dashboard"] = (CommandWord.Web, Language.English),
            ["dashibodi"] = (CommandWord.Web, Language.Swahili),
            ["mpesa"] = (CommandWord.Mpesa, Language.English),
            ["m-pesa"] = (CommandWord.Mpesa, Language.English),
            ["balance"] = (CommandWord.Balance, Language.English),
            ["salio"] = (CommandWord.Balance, Language.Swahili),
            ["staff"] = (CommandWord.Staff, Language.English),
            ["wafanyakazi"] = (CommandWord.Staff, Language.Swahili),
            ["mfanyakazi"] = (CommandWord.Staff, Language.Swahili),
            ["item"] = (CommandWord.Product, Language.English),
            ["items"] = (CommandWord.Product, Language.English),
            ["bidhaa"] = (CommandWord.Product, Language.Swahili),
            ["vat"] = (CommandWord.Vat, Language.English),
            ["kodi"] = (CommandWord.Vat, Language.Swahili),
        };

    // Yes/edit words only count at the confirm step (elsewhere they may be data, e.g. a description).
    private static readonly Dictionary<string, FlowWord> FlowWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["skip"] = FlowWord.Skip,
        ["ruka"] = FlowWord.Skip,
        ["back"] = FlowWord.Back,
        ["rudi"] = FlowWord.Back,
        ["cancel"] = FlowWord.Cancel,
        ["ghairi"] = FlowWord.Cancel,
        [CancelButton] = FlowWord.Cancel,
        ["yes"] = FlowWord.Send,
        ["ndio"] = FlowWord.Send,
        ["ndiyo"] = FlowWord.Send,
        [SendButton] = FlowWord.Send,
        ["edit"] = FlowWord.Edit,
        ["badili"] = FlowWord.Edit,
        [EditButton] = FlowWord.Edit,
    };


    private static readonly Dictionary<string, bool> SwitchWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["on"] = true,
        ["washa"] = true,
        ["off"] = false,
        ["zima"] = false,
    };

    public static bool TryCommand(string token, out CommandWord word, out Language language)
    {
        var found = Commands.TryGetValue(token, out var entry);
        (word, language) = entry;
        return found;
    }

    /// <summary>Every command word, for the one-typo match in <see cref="KeywordTypos"/>.</summary>
    internal static IEnumerable<string> CommandWords => Commands.Keys;

    public static bool TrySwitch(string input, out bool on) =>
        SwitchWords.TryGetValue(input.Trim(), out on);

    public static bool TryFlowWord(string input, out FlowWord word) =>
        FlowWords.TryGetValue(input.Trim(), out word);

    public static bool IsButtonId(string input) =>
        input.Trim() is SendButton or EditButton or CancelButton;
}
