using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// One merchant message, start to finish, inside the inbox transaction: lock the conversation,
/// run the guided flow or the one-line command, persist the state, queue the replies. An edited
/// message is read like the new text unless its original already made an invoice.
/// </summary>
public sealed class MerchantChat(
    ConversationRepository conversations,
    CustomerRepository customers,
    InvoiceCreator creator,
    InvoiceCommands commands,
    ReplyWriter replies,
    IOptions<InvoiceOptions> options,
    TimeProvider clock)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, Merchant merchant, ChatEvent inbound, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = await conversations.LockAsync(c, t, merchant.Phone, now, ct);
        conversation.LastInboundAt = Later(conversation.LastInboundAt, inbound.ReceivedAt ?? now);
        var lang = Language.FromCode(conversation.Language ?? merchant.Language);

        var answers = new List<Reply>();
        if (inbound.Kind == InboundKind.Unsupported)
        {
            answers.Add(Replies.MediaNotRead(inbound.UnsupportedType, lang));
        }
        else if (await InvoiceFromOriginalAsync(c, t, merchant, inbound, ct) is { } sent)
        {
            answers.Add(Replies.EditDoesNotChangeInvoice(sent.Number, lang));
        }
        else
        {
            var input = (inbound.Kind == InboundKind.Button ? inbound.ButtonId : inbound.Text) ?? "";
            var state = ConversationStateStore.Read(conversation);
            var flow = new InvoiceDraftFlow(state, lang, options.Value.MaxAmount);
            var handled = false;
            if (flow.IsOpenAt(now) && CommandParser.Parse(input) is LanguageCommand chosen)
            {
                // lang works at any step: switch, then ask the open step's question again in the new language.
                lang = await ChooseLanguageAsync(c, t, merchant, conversation, chosen, answers, ct);
                state.UpdatedAt = now;
                answers.Add(new InvoiceDraftFlow(state, lang, options.Value.MaxAmount).Prompt());
                handled = true;
            }
            else if (flow.IsActive)
            {
                var lookedUp = flow.NeedsCustomerLookup(input) ? await FindCustomerAsync(merchant, input, ct) : null;
                var result = flow.Handle(input, lookedUp, now);
                answers.AddRange(result.Replies);
                handled = result.InputHandled;
                if (result.CreateInvoice is { } draft)
                    await creator.CreateAsync(c, t, merchant, FromDraft(draft) with
                    {
                        ReplyChannel = ReplyChannel(inbound), IdempotencyKey = InvoiceKey(inbound), FromChat = true,
                    }, ct);
            }
            if (!handled)
                lang = await RunCommandAsync(c, t, merchant, inbound, conversation, state, input, lang, answers, ct);
            ConversationStateStore.Write(conversation, state);
        }

        conversation.UpdatedAt = now;
        await ConversationRepository.SaveAsync(c, t, conversation, ct);
        await replies.WriteAsync(c, t, inbound, merchant.Id, answers, ct);
    }

    private async Task<Language> RunCommandAsync(DbConnection c, DbTransaction t, Merchant merchant, ChatEvent inbound,
        Conversation conversation, ConversationState state, string input, Language lang, List<Reply> answers, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(input, options.Value.MaxAmount);
        // Until the merchant chooses (lang / lugha), replies follow the language of the words they use, and it is remembered.
        if (conversation.Language is null && inbound.Kind == InboundKind.Text
            && (LanguageDetector.Detect(input) ?? parsed.DetectedLanguage) is { } detected && detected != lang)
        {
            lang = detected;
            await MerchantRepository.SetLanguageAsync(c, t, merchant.Id, lang.Code, clock.GetUtcNow(), ct);
            merchant = merchant with { Language = lang.Code };
        }

        var flow = new InvoiceDraftFlow(state, lang, options.Value.MaxAmount);
        switch (parsed)
        {
            case CreateInvoiceCommand command:
                var saved = command.Msisdn is null ? await FindCustomerAsync(merchant, command.CustomerName ?? "", ct) : null;
                if (command.Msisdn is null && saved is null)
                    answers.Add(Replies.CustomerNotFound(command.CustomerName ?? "", lang));
                else
                    await creator.CreateAsync(c, t, merchant, new NewInvoice(command.Msisdn ?? saved!.Msisdn,
                        saved?.Name ?? command.CustomerName, Money.FromShillings(command.AmountShillings).Cents, command.Description,
                        IdempotencyKey: InvoiceKey(inbound), ReplyChannel: ReplyChannel(inbound), FromChat: true), ct);
                break;
            case StartGuidedCommand:
                answers.AddRange(flow.Start(clock.GetUtcNow()).Replies);
                break;
            case RemindCommand remind:
                answers.Add(await commands.RemindAsync(c, t, merchant, inbound, remind.Number, lang, ct));
                break;
            case CancelCommand cancel:
                answers.Add(await commands.CancelAsync(c, t, merchant, inbound, cancel.Number, lang, ct));
                break;
            case StatusCommand status:
                answers.Add(await InvoiceCommands.StatusAsync(c, t, merchant, status.Number, lang, ct));
                break;
            case ListCommand:
                answers.Add(await InvoiceCommands.ListAsync(c, t, merchant, lang, ct));
                break;
            case StopRemindersCommand stop:
                answers.Add(await InvoiceCommands.StopRemindersAsync(c, t, merchant, stop.Number, lang, clock.GetUtcNow(), ct));
                break;
            case RemindersCommand switched:
                answers.Add(await InvoiceCommands.SwitchRemindersAsync(c, t, merchant, switched.Enabled, lang, clock.GetUtcNow(), ct));
                break;
            case StatsCommand:
                answers.Add(await InvoiceCommands.StatsAsync(c, t, merchant, lang, clock.GetUtcNow(), ct));
                break;
            case LanguageCommand language:
                lang = await ChooseLanguageAsync(c, t, merchant, conversation, language, answers, ct);
                break;
            case ProposeInvoiceCommand propose:
                var named = propose.Invoice.Msisdn is null ? await FindCustomerAsync(merchant, propose.Invoice.CustomerName ?? "", ct) : null;
                if (propose.Invoice.Msisdn is null && named is null)
                    answers.Add(Replies.CustomerNotFound(propose.Invoice.CustomerName ?? "", lang));
                else
                    answers.AddRange(flow.Propose(new InvoiceDraft
                    {
                        Msisdn = propose.Invoice.Msisdn ?? named!.Msisdn, CustomerName = named?.Name ?? propose.Invoice.CustomerName,
                        AmountShillings = propose.Invoice.AmountShillings, Description = propose.Invoice.Description,
                        IsSavedCustomer = named is not null,
                    }, propose.Reason, clock.GetUtcNow()).Replies);
                break;
            case AskWhichPhoneCommand which:
                answers.Add(Replies.AskWhichPhone(which, lang));
                break;
            case DidYouMeanCommand typo:
                answers.Add(Replies.DidYouMean(typo.Suggestion, lang));
                break;
            case AcknowledgementCommand:
                break; // a 👍 typed as a message is answered like a 👍 reaction: not at all
            case GreetingCommand greeting:
                answers.Add(Replies.Greeting(greeting.Kind, greeting.DetectedLanguage ?? lang));
                break;
            case SummaryCommand summary:
                await MerchantSummaryRepository.SetAsync(c, t, merchant.Id, summary.On, clock.GetUtcNow(), ct);
                answers.Add(Replies.SummarySwitched(summary.On, lang));
                break;
            case HelpCommand:
                answers.Add(Replies.Help(lang));
                break;
            case CommandError error:
                answers.Add(Replies.ForCommandError(error, lang, options.Value.MaxAmount));
                break;
            default:
                answers.Add(Replies.UnknownCommand(lang));
                break;
        }
        return lang;
    }

    private async Task<Language> ChooseLanguageAsync(DbConnection c, DbTransaction t, Merchant merchant, Conversation conversation,
        LanguageCommand chosen, List<Reply> answers, CancellationToken ct)
    {
        var lang = Language.FromCode(chosen.Language);
        conversation.Language = lang.Code;
        await MerchantRepository.SetLanguageAsync(c, t, merchant.Id, lang.Code, clock.GetUtcNow(), ct);
        answers.Add(Replies.LanguageSwitched(lang));
        return lang;
    }

    private async Task<SavedCustomer?> FindCustomerAsync(Merchant merchant, string name, CancellationToken ct)
    {
        var found = await customers.FindByNameAsync(merchant.Id, name, ct);
        return found.Count > 0 ? new SavedCustomer(found[0].Msisdn, found[0].Name!) : null;
    }

    private static NewInvoice FromDraft(InvoiceDraft draft) =>
        new(draft.Msisdn!, draft.CustomerName, Money.FromShillings(draft.AmountShillings!.Value).Cents, draft.Description!);

    /// <summary>For an edit: the invoice its original message made, which an edit must not make again.</summary>
    private static Task<Invoice?> InvoiceFromOriginalAsync(DbConnection c, DbTransaction t, Merchant merchant, ChatEvent inbound, CancellationToken ct) =>
        inbound.EditOf is null
            ? Task.FromResult<Invoice?>(null)
            : InvoiceRepository.GetByIdempotencyKeyAsync(c, t, merchant.Id, InvoiceKey(inbound), ct);

    // Keyed by the message the merchant wrote (the original, for an edit), so that editing it, once or
    // several times, finds the invoice it made; the unique key makes that a database fact.
    private static string InvoiceKey(ChatEvent inbound) => $"chat:{inbound.Provider}:{inbound.EditOf ?? inbound.EventId}";

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    // A merchant who wrote by SMS hears back by SMS, the invoice confirmation included.
    private static string? ReplyChannel(ChatEvent inbound) => inbound.Channel == Channels.Sms ? Channels.Sms : null;
}
