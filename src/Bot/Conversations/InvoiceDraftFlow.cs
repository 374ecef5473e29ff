using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Products;
using Stateless;
using Stateless.Graph;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// The step-by-step invoice (new/mpya), shaped like Stateless's BugTrackerExample: the machine reads
/// and writes the persisted <see cref="ConversationState"/>, so a restart resumes where the merchant was.
/// Not thread-safe: the caller locks the conversation row for the turn.
/// </summary>
public sealed partial class InvoiceDraftFlow
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    private readonly ConversationState _row;
    private readonly Language _lang;
    private readonly long _maxShillings;
    private readonly VatMode _vat;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly List<Reply> _replies = [];
    private ProposalReason _proposal;
    private IReadOnlyList<Product> _products = [];

    /// <param name="vat">The merchant's VAT mode, for the totals the summary shows.</param>
    public InvoiceDraftFlow(ConversationState row, Language lang, long maxShillings = AmountParser.DefaultMaxShillings, VatMode vat = VatMode.None)
    {
        _row = row;
        _lang = lang;
        _maxShillings = maxShillings;
        _vat = vat;
        _machine = new StateMachine<State, Trigger>(
            () => Enum.TryParse<State>(_row.State, out var s) ? s : State.Idle,
            s => _row.State = s.ToString());
        Configure();
    }

    private enum State
    {
        Idle,
        Drafting,
        CollectPhone,
        CollectName,
        CollectAmount,
        CollectDescription,
        Confirm,
        ChooseEdit,
    }

    private enum Trigger
    {
        Start,
        EnterPhone,
        PickSavedCustomer,
        EnterName,
        SkipName,
        EnterAmount,
        EnterDescription,
        Send,
        Edit,
        Back,
        Cancel,
        Expire,
        Propose,
        EditCustomer,
        EditAmount,
        EditDescription,
        AddItem,
    }

    /// <summary>True while a draft is open (even if it has expired; <see cref="Handle"/> reports that).</summary>
    public bool IsActive => _machine.State != State.Idle;

    public string CurrentStep => _machine.State.ToString();

    public FlowResult Start(DateTimeOffset now)
    {
        _replies.Clear();
        if (IsExpired(now))
        {
            _machine.Fire(Trigger.Expire);
        }

        if (!IsActive)
        {
            _row.Draft = new InvoiceDraft();
        }

        _row.UpdatedAt = now;
        _machine.Fire(Trigger.Start);
        return new FlowResult([.. _replies], null, true);
    }

    /// <summary>
    /// An invoice read from a sentence or a misspelt keyword: straight to the summary, where only Send sends it.
    /// Called when no draft is open (the flow did not take the message).
    /// </summary>
    public FlowResult Propose(InvoiceDraft draft, ProposalReason reason, DateTimeOffset now)
    {
        _replies.Clear();
        if (IsActive)
        {
            _machine.Fire(Trigger.Cancel);
            _replies.Clear();
        }

        _row.Draft = draft with { Editing = false };
        _row.UpdatedAt = now;
        _proposal = reason;
        _machine.Fire(Trigger.Propose);
        return new FlowResult([.. _replies], null, true);
    }

    /// <summary>A sent draft that could not be made after all: back at the summary, as it was; returns the summary to show.</summary>
    public Reply Hold(InvoiceDraft draft, DateTimeOffset now)
    {
        Propose(draft, ProposalReason.Sentence, now);
        _replies.Clear();
        return Prompt();
    }

    /// <summary>True while a draft is open and has not been left idle past <see cref="IdleTimeout"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => IsActive && !IsExpired(now);

    /// <summary>The question the current step asks, again (in this flow's language).</summary>
    public Reply Prompt() => PromptFor(_machine.State);

    /// <summary>True when the caller should look <paramref name="input"/> up as a saved customer name before calling <see cref="Handle"/>.</summary>
    public bool NeedsCustomerLookup(string input) =>
        _machine.State == State.CollectPhone && !MobileNumber.TryParseKenyan(input, out _) && LooksLikeName(input);

    /// <summary>True at the summary, where an item sent is added: the caller passes the product list to <see cref="Handle"/>.</summary>
    public bool TakesItems => _machine.State == State.Confirm;

    /// <param name="products">The merchant's saved items, at the summary (<see cref="TakesItems"/>), so an item can be added by name.</param>
    public FlowResult Handle(string input, SavedCustomer? lookedUp, DateTimeOffset now, IReadOnlyList<Product>? products = null)
    {
        _replies.Clear();
        _products = products ?? [];
        if (!IsActive)
        {
            return new FlowResult([], null, false);
        }

        if (IsExpired(now))
        {
            _machine.Fire(Trigger.Expire);
            _row.Draft = new InvoiceDraft();
            _row.UpdatedAt = now;
            return new FlowResult([.. _replies], null, false);
        }

        _row.UpdatedAt = now;
        var text = input.Trim();
        var draft = _row.Draft;
        var trigger = ControlTrigger(text);
        if (trigger is null)
        {
            Collect(text, lookedUp);
        }
        else
        {
            _machine.Fire(trigger.Value);
        }

        var created = trigger == Trigger.Send && !IsActive ? draft : null;
        if (!IsActive)
        {
            _row.Draft = new InvoiceDraft();
        }

        return new FlowResult([.. _replies], created, true);
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    private bool IsExpired(DateTimeOffset now) => IsActive && now - _row.UpdatedAt > IdleTimeout;

    private Trigger? ControlTrigger(string text)
    {
        if (!Keywords.TryFlowWord(text, out var word))
        {
            return null;
        }

        // Typed yes/edit only mean something at Confirm; elsewhere they are data. Buttons always act.
        var atConfirm = _machine.State == State.Confirm || Keywords.IsButtonId(text);
        return word switch
        {
            FlowWord.Skip => Trigger.SkipName,
            FlowWord.Back => Trigger.Back,
            FlowWord.Cancel => Trigger.Cancel,
            FlowWord.Send when atConfirm => Trigger.Send,
            FlowWord.Edit when atConfirm => Trigger.Edit,
            _ => null,
        };
    }

    private static bool LooksLikeName(string input) =>
        FieldRules.CheckCustomerName(input).IsValid && input.Any(char.IsLetter) && !Keywords.TryFlowWord(input, out _);
}
