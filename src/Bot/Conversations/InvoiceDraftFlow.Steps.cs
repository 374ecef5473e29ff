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
            .Permit(Trigger.Start, State.CollectPhone);

        _machine.Configure(State.Drafting)
            .Permit(Trigger.Cancel, State.Idle)
            .Permit(Trigger.Expire, State.Idle);

        _machine.Configure(State.CollectPhone)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskPhone(_lang)), "ask phone or saved name")
            .Permit(Trigger.EnterPhone, State.CollectName)
            .Permit(Trigger.PickSavedCustomer, State.CollectAmount)
            .PermitReentry(Trigger.Back);

        _machine.Configure(State.CollectName)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskName(_lang)), "ask name")
            .Permit(Trigger.EnterName, State.CollectAmount)
            .Permit(Trigger.SkipName, State.CollectAmount)
            .Permit(Trigger.Back, State.CollectPhone);

        _machine.Configure(State.CollectAmount)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskAmount(_lang)), "ask amount")
            .Permit(Trigger.EnterAmount, State.CollectDescription)
            .PermitIf(Trigger.Back, State.CollectPhone, () => _row.Draft.IsSavedCustomer, "saved customer")
            .PermitIf(Trigger.Back, State.CollectName, () => !_row.Draft.IsSavedCustomer, "typed phone");

        _machine.Configure(State.CollectDescription)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.AskDescription(_lang)), "ask description")
            .Permit(Trigger.EnterDescription, State.Confirm)
            .Permit(Trigger.Back, State.CollectAmount);

        _machine.Configure(State.Confirm)
            .SubstateOf(State.Drafting)
            .OnEntry(() => _replies.Add(Replies.ConfirmDraft(_row.Draft, _lang)), "show summary")
            .Permit(Trigger.Send, State.Idle)
            .Permit(Trigger.Edit, State.CollectAmount)
            .Permit(Trigger.Back, State.CollectDescription);
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
        State.Confirm => Replies.ConfirmDraft(_row.Draft, _lang),
        _ => Replies.Help(_lang),
    };
}
