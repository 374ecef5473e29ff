using InvoiceFirst.Data.Domain;
using Stateless;

namespace InvoiceFirst.Bot.Conversations;

public sealed partial class InvoiceDraftFlow
{
    private void Configure()
    {
        _machine.OnUnhandledTrigger((state, trigger) =>
            _replies.Add(Replies.ReAsk(
                trigger == Trigger.SkipName ? Replies.CannotSkip(_lang) : Replies.NotExpectedHere(_lang),
                PromptFor(state))));

        _machine.Configure(State.Idle)
            .OnEntryFrom(Trigger.Cancel, () => _replies.Add(Replies.DraftCancelled(_lang)), "say draft cancelled")
            .OnEntryFrom(Trigger.Expire, () => _replies.Add(Replies.DraftExpired(_lang)), "say draft dropped")
            .Permit(Trigger.Start, State.CollectPhone)
            .Permit(Trigger.Propose, State.Confirm);

        _machine.Configure(State.Drafting)
            .Permit(Trigger.Cancel, State.Idle)
            .Permit(Trigger.Expire, State.Idle);

        _machine.Configure(State.CollectPhone)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskPhone(_lang)), "ask phone or saved name")
            .Permit(Trigger.EnterPhone, State.CollectName)
            .PermitIf(Trigger.PickSavedCustomer, State.CollectAmount, () => !_row.Draft.Editing, "new draft")
            .PermitIf(Trigger.PickSavedCustomer, State.Confirm, () => _row.Draft.Editing, "editing")
            .PermitReentry(Trigger.Back);

        _machine.Configure(State.CollectName)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskName(_lang)), "ask name")
            .PermitIf(Trigger.EnterName, State.CollectAmount, () => !_row.Draft.Editing, "new draft")
            .PermitIf(Trigger.EnterName, State.Confirm, () => _row.Draft.Editing, "editing")
            .PermitIf(Trigger.SkipName, State.CollectAmount, () => !_row.Draft.Editing, "new draft")
            .PermitIf(Trigger.SkipName, State.Confirm, () => _row.Draft.Editing, "editing")
            .Permit(Trigger.Back, State.CollectPhone);

        _machine.Configure(State.CollectAmount)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskAmount(_lang)), "ask amount")
            .PermitIf(Trigger.EnterAmount, State.CollectDescription, () => !_row.Draft.Editing, "new draft")
            .PermitIf(Trigger.EnterAmount, State.Confirm, () => _row.Draft.Editing, "editing")
            .PermitIf(Trigger.Back, State.CollectPhone, () => _row.Draft.IsSavedCustomer, "saved customer")
            .PermitIf(Trigger.Back, State.CollectName, () => !_row.Draft.IsSavedCustomer, "typed phone");

        _machine.Configure(State.CollectDescription)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskDescription(_lang)), "ask description")
            .Permit(Trigger.EnterDescription, State.Confirm)
            .Permit(Trigger.Back, State.CollectAmount);

        // An item sent at the summary is added to the invoice ("add another item?"); back removes the last one.
        _machine.Configure(State.Confirm)
            .SubstateOf(State.Drafting)
            .OnEntry(ShowSummary, "show summary")
            .OnExit(RemoveLastItemOnBack, "on back: remove the last item")
            .Permit(Trigger.Send, State.Idle)
            .Permit(Trigger.Edit, State.ChooseEdit)
            .PermitReentry(Trigger.AddItem)
            .PermitReentryIf(Trigger.Back, () => _row.Draft.HasItems, "items")
            .PermitIf(Trigger.Back, State.CollectDescription, () => !_row.Draft.HasItems, "one amount");

        // Edit asks what to change; after that one answer the summary comes back, not the rest of the steps.
        _machine.Configure(State.ChooseEdit)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskWhatToEdit(_lang)), "ask what to change")
            .Permit(Trigger.EditCustomer, State.CollectPhone)
            .Permit(Trigger.EditAmount, State.CollectAmount)
            .Permit(Trigger.EditDescription, State.CollectDescription)
            .Permit(Trigger.Back, State.Confirm);
    }

    private void ShowSummary(StateMachine<State, Trigger>.Transition transition)
    {
        _row.Draft = _row.Draft with { Editing = false };
        _replies.Add(transition.Trigger == Trigger.Propose
            ? Replies.ProposeDraft(_row.Draft, _proposal, _lang, _vat)
            : Replies.ConfirmDraft(_row.Draft, _lang, _vat));
    }

    // The last of several items goes; the last one left becomes the invoice's one amount, which the next back changes.
    private void RemoveLastItemOnBack(StateMachine<State, Trigger>.Transition transition)
    {
        if (transition is not { Trigger: Trigger.Back, IsReentry: true } || _row.Draft.Items is not { Count: > 0 } items) return;
        _row.Draft = items.Count > 1 ? _row.Draft.WithItems(items.Take(items.Count - 1).ToList()) : _row.Draft.WithItems(null);
    }

    // At the summary: text that reads as priced items (or saved ones) is added; anything else asks for Send / Edit / Cancel.
    private bool TryAddItems(string text)
    {
        var list = ItemListParser.Parse(text, _maxShillings);
        if (!list.IsSuccess || list.Items.Any(i => i is CountedItem c && ItemResolver.Find(_products, c.Name).Count == 0)) return false;
        var draft = _row.Draft;
        var current = draft.Items ?? [new DraftItem(draft.Description ?? "", 1, draft.AmountShillings ?? 0)];
        var items = ItemDrafts.Resolve(list.Items, _products, _maxShillings, _vat, _lang, out var refusal, current);
        if (items is null)
        {
            ReAsk(refusal!);
            return true;
        }

        _row.Draft = draft.WithItems(items);
        _machine.Fire(Trigger.AddItem);
        return true;
    }

    // Validation lives here rather than in guards so a refusal can say exactly why.
    private void Collect(string text, SavedCustomer? lookedUp)
    {
        switch (_machine.State)
        {
            case State.CollectPhone when MobileNumber.TryParseKenyan(text, out var msisdn):
                _row.Draft = _row.Draft with { Msisdn = msisdn, CustomerName = null, IsSavedCustomer = false };
                _machine.Fire(Trigger.EnterPhone);
                break;
            case State.CollectPhone when lookedUp is not null:
                _row.Draft = _row.Draft with { Msisdn = lookedUp.Msisdn, CustomerName = lookedUp.Name, IsSavedCustomer = true };
                _machine.Fire(Trigger.PickSavedCustomer);
                break;
            case State.CollectPhone:
                ReAsk(LooksLikeName(text) ? Replies.CustomerNotFound(text, _lang) : Replies.InvalidPhone(_lang));
                break;
            case State.CollectName:
                var name = FieldRules.CheckCustomerName(text);
                if (name.Error is { } nameError)
                {
                    ReAsk(Replies.NameLength(nameError, _lang));
                    break;
                }

                _row.Draft = _row.Draft with { CustomerName = name.Value };
                _machine.Fire(Trigger.EnterName);
                break;
            case State.CollectAmount:
                var amount = AmountParser.Parse(text, _maxShillings);
                if (amount.Error is { } amountError)
                {
                    ReAsk(Replies.ForAmountError(amountError, _maxShillings, _lang));
                    break;
                }

                _row.Draft = _row.Draft with { AmountShillings = amount.Shillings };
                _machine.Fire(Trigger.EnterAmount);
                break;
            case State.CollectDescription:
                var description = FieldRules.CheckDescription(text);
                if (description.Error is { } descriptionError)
                {
                    ReAsk(Replies.DescriptionLength(descriptionError, _lang));
                    break;
                }

                _row.Draft = _row.Draft with { Description = description.Value };
                _machine.Fire(Trigger.EnterDescription);
                break;
            case State.ChooseEdit when Keywords.TryEditField(text, out var field):
                // Changing the amount or description of a multi-item invoice makes it one amount again (the items' sum).
                _row.Draft = (field == EditField.Customer ? _row.Draft : _row.Draft.WithItems(null)) with { Editing = true };
                _machine.Fire(field switch
                {
                    EditField.Customer => Trigger.EditCustomer,
                    EditField.Amount => Trigger.EditAmount,
                    _ => Trigger.EditDescription,
                });
                break;
            case State.ChooseEdit:
                _replies.Add(Replies.AskWhatToEdit(_lang));
                break;
            case State.Confirm when TryAddItems(text):
                break;
            default:
                _replies.Add(Replies.ConfirmChoice(_lang));
                break;
        }
    }

    private void ReAsk(Reply reason) => _replies.Add(Replies.ReAsk(reason, PromptFor(_machine.State)));

    private Reply PromptFor(State state) => state switch
    {
        State.CollectPhone => Replies.AskPhone(_lang),
        State.CollectName => Replies.AskName(_lang),
        State.CollectAmount => Replies.AskAmount(_lang),
        State.CollectDescription => Replies.AskDescription(_lang),
        State.Confirm => Replies.ConfirmDraft(_row.Draft, _lang, _vat),
        State.ChooseEdit => Replies.AskWhatToEdit(_lang),
        _ => Replies.Help(_lang),
    };
}
