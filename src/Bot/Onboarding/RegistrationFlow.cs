using InvoiceFirst.Bot.Conversations;
using Stateless;

namespace InvoiceFirst.Bot.Onboarding;

/// <param name="Replies">Messages to send to the registrant, in order.</param>
/// <param name="Confirmed">Set when the registrant confirmed the summary: create the merchant from it.</param>
public sealed record RegistrationTurn(IReadOnlyList<Reply> Replies, RegistrationState? Confirmed = null);

/// <summary>
/// Joining by chat (REGISTER / JISAJILI): business name, how customers pay, then a summary with
/// Confirm / Edit / Cancel. Shaped like <see cref="InvoiceDraftFlow"/>: the machine reads and writes the
/// persisted <see cref="RegistrationState"/>, so a restart resumes where the registrant was. Not
/// thread-safe: the caller locks the conversation row for the turn.
/// </summary>
public sealed class RegistrationFlow
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public const string ConfirmButton = "register:confirm";
    public const string EditButton = "register:edit";
    public const string CancelButton = "register:cancel";

    private readonly RegistrationState _row;
    private readonly bool _collectionEnabled;
    private readonly StateMachine<Step, Trigger> _machine;
    private readonly List<Reply> _replies = [];

    public RegistrationFlow(RegistrationState row, bool collectionEnabled)
    {
        _row = row;
        _collectionEnabled = collectionEnabled;
        _machine = new StateMachine<Step, Trigger>(
            () => Enum.TryParse<Step>(_row.Step, out var s) ? s : Step.Idle,
            s => _row.Step = s.ToString());
        Configure();
    }

    private enum Step
    {
        Idle,
        Registering,
        BusinessName,
        Payment,
        Confirm,
        ChooseEdit,
        Language,
    }

    private enum Trigger
    {
        Start,
        EnterName,
        EnterPayment,
        EnterLanguage,
        Confirm,
        Edit,
        EditName,
        EditPayment,
        EditLanguage,
        Cancel,
    }

    private Language Lang => _row.Language;

    /// <summary>True while a registration is open and has not been left idle past <see cref="IdleTimeout"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => _machine.State != Step.Idle && now - _row.UpdatedAt <= IdleTimeout;

    /// <summary>The question the open step asks, again.</summary>
    public Reply Prompt() => PromptFor(_machine.State);

    /// <summary>Starts over (a second REGISTER also starts over) in the language of the keyword used.</summary>
    public RegistrationTurn Start(Language lang, DateTimeOffset now)
    {
        _replies.Clear();
        _row.Step = nameof(Step.Idle);
        _row.BusinessName = null;
        _row.Pay = null;
        _row.Editing = false;
        _row.LanguageCode = lang.Code;
        _row.UpdatedAt = now;
        _machine.Fire(Trigger.Start);
        return new RegistrationTurn([.. _replies]);
    }

    public RegistrationTurn Handle(string input, DateTimeOffset now)
    {
        _replies.Clear();
        _row.UpdatedAt = now;
        var text = input.Trim();
        if (IsWord(text, CancelButton, "cancel", "ghairi", "stop", "acha"))
        {
            _machine.Fire(Trigger.Cancel);
            return new RegistrationTurn([.. _replies]);
        }

        if (LanguageSwitch(text) is { } switched)
        {
            // lang / lugha works at every step: switch, then ask the open step's question again.
            _row.LanguageCode = switched.Code;
            _replies.Add(Replies.ReAsk(Replies.LanguageSwitched(Lang), PromptFor(_machine.State)));
            return new RegistrationTurn([.. _replies]);
        }

        var confirmed = Collect(text);
        return new RegistrationTurn([.. _replies], confirmed ? _row : null);
    }

    private void Configure()
    {
        _machine.Configure(Step.Idle)
            .OnEntryFrom(Trigger.Cancel, () => _replies.Add(RegistrationReplies.RegistrationCancelled(Lang)), "say cancelled")
            .Permit(Trigger.Start, Step.BusinessName);

        _machine.Configure(Step.Registering)
            .Permit(Trigger.Cancel, Step.Idle);

        _machine.Configure(Step.BusinessName)
            .SubstateOf(Step.Registering)
            .OnEntry(() => _replies.Add(RegistrationReplies.AskBusinessName(Lang)), "ask business name")
            .PermitIf(Trigger.EnterName, Step.Payment, () => !_row.Editing, "new registration")
            .PermitIf(Trigger.EnterName, Step.Confirm, () => _row.Editing, "editing");

        _machine.Configure(Step.Payment)
            .SubstateOf(Step.Registering)
            .OnEntry(() => _replies.Add(RegistrationReplies.AskPayRoute(_collectionEnabled, Lang)), "ask how customers pay")
            .Permit(Trigger.EnterPayment, Step.Confirm);

        _machine.Configure(Step.Language)
            .SubstateOf(Step.Registering)
            .OnEntry(() => _replies.Add(RegistrationReplies.AskRegistrationLanguage(Lang)), "ask language")
            .Permit(Trigger.EnterLanguage, Step.Confirm);

        _machine.Configure(Step.Confirm)
            .SubstateOf(Step.Registering)
            .OnEntry(() =>
            {
                _row.Editing = false;
                _replies.Add(RegistrationReplies.ConfirmRegistration(_row, Lang));
            }, "show summary")
            .Permit(Trigger.Confirm, Step.Idle)
            .Permit(Trigger.Edit, Step.ChooseEdit);

        _machine.Configure(Step.ChooseEdit)
            .SubstateOf(Step.Registering)
            .OnEntry(() => _replies.Add(RegistrationReplies.AskWhatToEditInRegistration(Lang)), "ask what to change")
            .OnExit(() => _row.Editing = true)
            .Permit(Trigger.EditName, Step.BusinessName)
            .Permit(Trigger.EditPayment, Step.Payment)
            .Permit(Trigger.EditLanguage, Step.Language);
    }

    // Validation lives here rather than in guards so a refusal can say exactly why. True: confirmed.
    private bool Collect(string text)
    {
        switch (_machine.State)
        {
            case Step.BusinessName:
                if (!FieldRules.IsName(text, out var name))
                {
                    ReAsk(RegistrationReplies.BusinessNameRule(Lang));
                    return false;
                }
                _row.BusinessName = name;
                _machine.Fire(Trigger.EnterName);
                return false;
            case Step.Payment:
                var (choice, problem) = PayChoiceParser.Parse(text, _collectionEnabled);
                if (problem is { } refused)
                {
                    ReAsk(RegistrationReplies.PayRouteProblem(refused, Lang));
                    return false;
                }
                _row.Pay = choice;
                _machine.Fire(Trigger.EnterPayment);
                return false;
            case Step.Language when Language.TryParse(text, out var chosen) || TryNumbered(text, out chosen):
                _row.LanguageCode = chosen.Code;
                _machine.Fire(Trigger.EnterLanguage);
                return false;
            case Step.Language:
                _replies.Add(RegistrationReplies.AskRegistrationLanguage(Lang));
                return false;
            case Step.Confirm when IsWord(text, ConfirmButton, "confirm", "thibitisha") || ChatAnswer.Parse(text).Kind == AnswerKind.Yes:
                _machine.Fire(Trigger.Confirm);
                return true;
            case Step.Confirm when IsWord(text, EditButton, "edit", "badili"):
                _machine.Fire(Trigger.Edit);
                return false;
            case Step.Confirm:
                _replies.Add(Replies.ReAsk(RegistrationReplies.ConfirmRegistrationChoice(Lang), RegistrationReplies.ConfirmRegistration(_row, Lang)));
                return false;
            case Step.ChooseEdit when EditChoice(text) is { } trigger:
                _machine.Fire(trigger);
                return false;
            default:
                _replies.Add(RegistrationReplies.AskWhatToEditInRegistration(Lang));
                return false;
        }
    }

    private static Trigger? EditChoice(string text)
    {
        var answer = ChatAnswer.Parse(text);
        if (answer.Kind == AnswerKind.Number)
            return answer.Number switch { 1 => Trigger.EditName, 2 => Trigger.EditPayment, 3 => Trigger.EditLanguage, _ => null };
        if (IsWord(text, "name", "jina", "business", "biashara")) return Trigger.EditName;
        if (IsWord(text, "payment", "pay", "malipo", "till", "paybill")) return Trigger.EditPayment;
        return IsWord(text, "language", "lang", "lugha") ? Trigger.EditLanguage : null;
    }

    private static bool TryNumbered(string text, out Language language)
    {
        var answer = ChatAnswer.Parse(text);
        language = answer is { Kind: AnswerKind.Number, Number: 2 } ? Language.Swahili : Language.English;
        return answer is { Kind: AnswerKind.Number, Number: 1 or 2 };
    }

    /// <summary><c>lang sw</c> / <c>lugha en</c>: the language to switch to, else null.</summary>
    private static Language? LanguageSwitch(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && IsWord(parts[0], "lang", "lugha") && Language.TryParse(parts[1], out var lang) ? lang : null;
    }

    private static bool IsWord(string text, params string[] words) =>
        words.Any(w => string.Equals(text.TrimEnd('.', '!'), w, StringComparison.OrdinalIgnoreCase));

    private void ReAsk(Reply reason) => _replies.Add(Replies.ReAsk(reason, PromptFor(_machine.State)));

    private Reply PromptFor(Step step) => step switch
    {
        Step.BusinessName => RegistrationReplies.AskBusinessName(Lang),
        Step.Payment => RegistrationReplies.AskPayRoute(_collectionEnabled, Lang),
        Step.Language => RegistrationReplies.AskRegistrationLanguage(Lang),
        Step.Confirm => RegistrationReplies.ConfirmRegistration(_row, Lang),
        _ => RegistrationReplies.AskWhatToEditInRegistration(Lang),
    };
}
