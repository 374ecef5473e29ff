using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>Plays a merchant's turns against a persisted state, reloading the flow each turn as the host does.</summary>
internal sealed class FlowDriver(Language lang)
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(3));

    public ConversationState Row { get; set; } = new();

    public DateTimeOffset Now { get; set; } = T0;

    public Dictionary<string, SavedCustomer> AddressBook { get; } = new(StringComparer.OrdinalIgnoreCase);

    public InvoiceDraftFlow Flow => new(Row, lang);

    public FlowResult Start() => Flow.Start(Now);

    public FlowResult Say(string input)
    {
        var flow = Flow;
        var lookedUp = flow.NeedsCustomerLookup(input) ? AddressBook.GetValueOrDefault(input.Trim()) : null;
        return flow.Handle(input, lookedUp, Now);
    }

    public FlowResult Run(params string[] inputs)
    {
        var result = Start();
        foreach (var input in inputs)
        {
            result = Say(input);
        }

        return result;
    }

    public string Step => Flow.CurrentStep;
}
