using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Products;
using InvoiceFirst.Data.Logins;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// One merchant message, start to finish, inside the inbox transaction: lock the conversation,
/// run the guided flow or the one-line command, persist the state, queue the replies. An edited
/// message is read like the new text unless its original already made an invoice. The owner and each
/// staff member have a conversation of their own (draft, language, questions), keyed by their phone.
/// </summary>
public sealed class MerchantChat(
    ConversationRepository conversations,
    ChatInvoiceSender sender,
    MerchantQuestions questions,
    AddressBook book,
    InvoiceCommands commands,
    StaffRoster staff,
    ProductCommands products,
    ReplyWriter replies,
    IOptions<InvoiceOptions> options,
    IOptions<AppOptions> app,
    TimeProvider clock)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, ChatActor actor, ChatEvent inbound, CancellationToken ct)
    {
        var merchant = actor.Merchant;
        var now = clock.GetUtcNow();
        var conversation = await conversations.LockAsync(c, t, actor.Phone, now, ct);
        // The conversation's window is the shared number's; a merchant's own number keeps its own (whatsapp_windows).
        if (inbound.OwnNumberMerchantId is null) conversation.Heard(inbound.ReceivedAt ?? now);
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
            var context = ChatContext.Read(conversation);
            var flow = new InvoiceDraftFlow(state, lang, options.Value.MaxAmount, merchant.Vat);
            var handled = false;
            // A question waits for one answer: anything else drops it and is read as usual.
            var question = context.OpenQuestion(now);
            context.Question = null;
            if (question is not null && ChatAnswer.Parse(input) is { Kind: not AnswerKind.None } answer
                && await questions.AnswerAsync(c, t, actor, question, answer, lang, ct) is { } turn)
            {
                handled = true;
                Take(turn, answers, context);
            }
            if (!handled && flow.IsOpenAt(now) && CommandParser.Parse(input) is LanguageCommand chosen)
            {
                // lang works at any step: switch, then ask the open step's question again in the new language.
                lang = await ChooseLanguageAsync(c, t, actor, conversation, chosen, answers, ct);
                state.UpdatedAt = now;
                answers.Add(new InvoiceDraftFlow(state, lang, options.Value.MaxAmount, merchant.Vat).Prompt());
                handled = true;
            }
            if (!handled && flow.IsActive)
            {
                var lookup = flow.NeedsCustomerLookup(input) ? await AddressBook.FindAsync(c, t, merchant.Id, input, ct) : CustomerLookup.None;
                if (lookup.IsAmbiguous)
                {
                    answers.Add(Replies.ReAsk(Replies.SeveralCustomersMatch(input.Trim(), lookup.Several, lang), Replies.AskPhone(lang)));
                    handled = true;
                }
                else
                {
                    var saved = flow.TakesItems ? await ProductRepository.ListAsync(c, t, merchant.Id, ct) : null;
                    var result = flow.Handle(input, lookup.Found, now, saved);
                    answers.AddRange(result.Replies);
                    handled = result.InputHandled;
                    if (result.CreateInvoice is { } draft)
                    {
                        var outcome = await sender.SendAsync(c, t, actor, FromDraft(draft, inbound), lang, checkDuplicate: true, ct);
                        Take(outcome, answers, context);
                        // Not made (the daily limit): the draft goes back to its summary, where Send can try again.
                        if (outcome.HeldBack) answers.Add(flow.Hold(draft, now));
                    }
                }
            }
            if (!handled)
                lang = await RunCommandAsync(c, t, actor, inbound, conversation, context, state, input, lang, answers, ct);
            ConversationStateStore.Write(conversation, state);
            ChatContext.Write(conversation, context);
        }

        conversation.UpdatedAt = now;
        await ConversationRepository.SaveAsync(c, t, conversation, ct);
        await replies.WriteAsync(c, t, inbound, merchant.Id, answers, ct);
    }

    private async Task<Language> RunCommandAsync(DbConnection c, DbTransaction t, ChatActor actor, ChatEvent inbound,
        Conversation conversation, ChatContext context, ConversationState state, string input, Language lang, List<Reply> answers,
        CancellationToken ct)
    {
        var parsed = CommandParser.Parse(input, options.Value.MaxAmount);
        // Until the merchant chooses (lang / lugha), replies follow the language of the words they use, and it is remembered.
        if (conversation.Language is null && inbound.Kind == InboundKind.Text
            && (LanguageDetector.Detect(input) ?? parsed.DetectedLanguage) is { } detected && detected != lang)
        {
            lang = detected;
            await MerchantMembers.SetLanguageAsync(c, t, actor, lang, clock.GetUtcNow(), ct);
            actor = actor.Speaking(lang);
        }

        var merchant = actor.Merchant;
        parsed = await ItemDrafts.ChooseReadingAsync(c, t, merchant.Id, parsed, ct);
        if (!actor.MayRun(parsed))
        {
            answers.Add(Replies.OwnerOnly(merchant.Name, lang));
            return lang;
        }

        var flow = new InvoiceDraftFlow(state, lang, options.Value.MaxAmount, merchant.Vat);
        switch (parsed)
        {
            case CreateInvoiceCommand command:
                var pending = new PendingInvoice(command.Msisdn, command.CustomerName, Money.FromShillings(command.AmountShillings).Cents,
                    command.Description, InvoiceKey(inbound), ReplyChannel(inbound));
                var lookup = command.Msisdn is null
                    ? await AddressBook.FindAsync(c, t, merchant.Id, command.CustomerName ?? "", ct)
                    : CustomerLookup.None;
                if (command.Msisdn is not null)
                    Take(await sender.SendAsync(c, t, actor, pending, lang, checkDuplicate: true, ct), answers, context);
                else if (lookup.Found is { } saved)
                    Take(await sender.SendAsync(c, t, actor, pending with { Msisdn = saved.Msisdn, CustomerName = saved.Name }, lang,
                        checkDuplicate: true, ct), answers, context);
                else if (lookup.IsAmbiguous)
                    Take(ChatTurn.Say(Replies.WhichCustomer(command.CustomerName ?? "", lookup.Several, lang),
                        new CustomerChoice(clock.GetUtcNow(), lookup.Several, pending)), answers, context);
                else
                    answers.Add(Replies.CustomerNotFound(command.CustomerName ?? "", lang));
                break;
            case StartGuidedCommand:
                answers.AddRange(flow.Start(clock.GetUtcNow()).Replies);
                break;
            case RemindCommand remind:
                answers.Add(await commands.RemindAsync(c, t, merchant, $"{inbound.Provider}:{inbound.EventId}", remind.Number, lang, ct));
                break;
            case CancelCommand cancel:
                answers.Add(await commands.CancelAsync(c, t, actor, cancel.Number, lang, ct));
                break;
            case StatusCommand status:
                answers.Add(await InvoiceCommands.StatusAsync(c, t, merchant, status.Number, lang, ct));
                break;
            case ListCommand list:
                answers.Add(await ListAsync(c, t, merchant, context, new ListPosition(ListKind.Invoices, list.Page), lang, ct));
                break;
            case CustomersCommand list:
                answers.Add(await ListAsync(c, t, merchant, context, new ListPosition(ListKind.Customers, list.Page), lang, ct));
                break;
            case MoreCommand:
                answers.Add(context.Listing is { } shown
                    ? await ListAsync(c, t, merchant, context, shown with { Page = shown.Page + 1 }, lang, ct)
                    : Replies.NothingToPageOn(lang));
                break;
            case SaveCustomerCommand save:
                Take(await book.SaveAsync(c, t, merchant.Id, save.Name, save.Msisdn, lang, ct), answers, context);
                break;
            case SaveCustomerRefused refused:
                answers.Add(Replies.SaveCustomerUsage(refused.Problem, lang));
                break;
            case StopRemindersCommand stop:
                answers.Add(await InvoiceCommands.StopRemindersAsync(c, t, actor, stop.Number, lang, clock.GetUtcNow(), ct));
                break;
            case RemindersCommand switched:
                answers.Add(await InvoiceCommands.SwitchRemindersAsync(c, t, merchant, switched.Enabled, lang, clock.GetUtcNow(), ct));
                break;
            case StatsCommand:
                answers.Add(await InvoiceCommands.StatsAsync(c, t, merchant, lang, clock.GetUtcNow(), ct));
                break;
            case LanguageCommand language:
                lang = await ChooseLanguageAsync(c, t, actor, conversation, language, answers, ct);
                break;
            case ItemsInvoiceCommand items:
                var (itemsDraft, refusal) = await ItemDrafts.ReadAsync(c, t, merchant, items, options.Value.MaxAmount, lang, ct);
                answers.AddRange(itemsDraft is null ? [refusal!] : flow.Propose(itemsDraft, ProposalReason.Items, clock.GetUtcNow()).Replies);
                break;
            case ProductListCommand or ProductAddCommand or ProductRemoveCommand or ProductRefused or VatCommand:
                answers.Add(await products.RunAsync(c, t, merchant, parsed, lang, ct));
                break;
            case ProposeInvoiceCommand propose:
                await ProposeAsync(c, t, merchant, flow, propose, lang, answers, ct);
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
            case PdfCommand pdf:
                await MerchantRepository.SetPdfAsync(c, t, merchant.Id, pdf.On, clock.GetUtcNow(), ct);
                answers.Add(Replies.PdfSwitched(pdf.On, lang));
                break;
            case HelpCommand:
                answers.Add(actor.IsOwner ? Replies.Help(lang) : Replies.StaffHelp(merchant.Name, lang));
                break;
            case WebCommand:
                var token = await LoginLinkRepository.IssueAsync(c, t, actor.Phone, clock.GetUtcNow(), ct);
                answers.Add(Replies.WebLink($"{app.Value.PublicBaseUrl.TrimEnd('/')}/app/login/link/{token}", lang));
                break;
            case MpesaCommand mpesa:
                answers.Add(await MpesaAsync(c, t, merchant, mpesa.Action, lang, ct));
                break;
            case BalanceCommand:
                answers.Add(await BalanceAsync(c, t, merchant, lang, ct));
                break;
            case StaffCommand roster:
                answers.Add(await staff.RunAsync(c, t, merchant, inbound, roster, lang, ct));
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

    /// <summary>An invoice read from a sentence, a typo or a chosen phone: shown at the summary, sent only on Send.</summary>
    /// <summary>The owner's own Daraja keys: what is set up, a one-time link to the form, or removing them.</summary>
    private async Task<Reply> MpesaAsync(DbConnection c, DbTransaction t, Merchant merchant, MpesaAction action, Language lang, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (action)
        {
            case MpesaAction.Setup:
                var token = await SetupLinkRepository.IssueAsync(c, t, merchant.Id, SetupLinkRepository.MpesaPurpose, now, ct);
                return Replies.MpesaSetupLink($"{app.Value.PublicBaseUrl.TrimEnd('/')}/setup/mpesa/{token}", lang);
            case MpesaAction.Remove:
                if (!await MerchantMpesaRepository.RemoveAsync(c, t, merchant.Id, now, ct)) return Replies.MpesaNothingToRemove(lang);
                await MerchantMpesaRepository.PurgeRemovedAsync(c, t, ct); // at once, unless a push made with them is still open
                return Replies.MpesaRemoved(lang);
            default:
                return Replies.MpesaStatus(await MerchantMpesaRepository.GetAsync(c, t, merchant.Id, ct), lang);
        }
    }

    /// <summary>The collection route's balance and latest entries; a merchant paid directly has none unless they were collected for before.</summary>
    private static async Task<Reply> BalanceAsync(DbConnection c, DbTransaction t, Merchant merchant, Language lang, CancellationToken ct)
    {
        var recent = await LedgerRepository.ListAsync(c, t, merchant.Id, before: 0, limit: 5, ct);
        if (recent.Count == 0 && merchant.PayRoute != PayRoutes.Collection) return Replies.BalanceNotCollected(lang);
        return Replies.Balance(Money.FromCents(await LedgerRepository.BalanceAsync(c, t, merchant.Id, ct)), recent, lang,
            Money.FromCents(await PayoutRepository.InFlightAsync(c, t, merchant.Id, ct)));
    }

    private async Task ProposeAsync(DbConnection c, DbTransaction t, Merchant merchant, InvoiceDraftFlow flow, ProposeInvoiceCommand propose,
        Language lang, List<Reply> answers, CancellationToken ct)
    {
        var invoice = propose.Invoice;
        var lookup = invoice.Msisdn is null ? await AddressBook.FindAsync(c, t, merchant.Id, invoice.CustomerName ?? "", ct) : CustomerLookup.None;
        if (lookup.IsAmbiguous)
        {
            answers.Add(Replies.SeveralCustomersMatch(invoice.CustomerName ?? "", lookup.Several, lang));
            return;
        }

        if (invoice.Msisdn is null && lookup.Found is null)
        {
            answers.Add(Replies.CustomerNotFound(invoice.CustomerName ?? "", lang));
            return;
        }

        answers.AddRange(flow.Propose(new InvoiceDraft
        {
            Msisdn = invoice.Msisdn ?? lookup.Found!.Msisdn, CustomerName = lookup.Found?.Name ?? invoice.CustomerName,
            AmountShillings = invoice.AmountShillings, Description = invoice.Description, IsSavedCustomer = lookup.Found is not null,
        }, propose.Reason, clock.GetUtcNow()).Replies);
    }

    private async Task<Language> ChooseLanguageAsync(DbConnection c, DbTransaction t, ChatActor actor, Conversation conversation,
        LanguageCommand chosen, List<Reply> answers, CancellationToken ct)
    {
        var lang = Language.FromCode(chosen.Language);
        conversation.Language = lang.Code;
        await MerchantMembers.SetLanguageAsync(c, t, actor, lang, clock.GetUtcNow(), ct);
        answers.Add(Replies.LanguageSwitched(lang));
        return lang;
    }

    /// <summary>A page of a list; it is remembered so that <c>more</c> goes on from it.</summary>
    private static async Task<Reply> ListAsync(DbConnection c, DbTransaction t, Merchant merchant, ChatContext context, ListPosition position,
        Language lang, CancellationToken ct)
    {
        context.Listing = position;
        return position.Kind == ListKind.Customers
            ? await AddressBook.ListAsync(c, t, merchant.Id, position.Page, lang, ct)
            : await InvoiceCommands.ListAsync(c, t, merchant, position.Page, lang, ct);
    }

    private static void Take(ChatTurn turn, List<Reply> answers, ChatContext context)
    {
        answers.AddRange(turn.Replies);
        if (turn.Question is not null) context.Question = turn.Question;
    }

    private static PendingInvoice FromDraft(InvoiceDraft draft, ChatEvent inbound) =>
        new(draft.Msisdn!, draft.CustomerName, Money.FromShillings(draft.AmountShillings!.Value).Cents, draft.Description!,
            InvoiceKey(inbound), ReplyChannel(inbound), draft.HasItems ? DraftItem.ToInvoiceItems(draft.Items!) : null);

    /// <summary>For an edit: the invoice its original message made, which an edit must not make again.</summary>
    private static Task<Invoice?> InvoiceFromOriginalAsync(DbConnection c, DbTransaction t, Merchant merchant, ChatEvent inbound, CancellationToken ct) =>
        inbound.EditOf is null
            ? Task.FromResult<Invoice?>(null)
            : InvoiceRepository.GetByIdempotencyKeyAsync(c, t, merchant.Id, InvoiceKey(inbound), ct);

    // Keyed by the message the merchant wrote (the original, for an edit), so that editing it, once or
    // several times, finds the invoice it made; the unique key makes that a database fact.
    private static string InvoiceKey(ChatEvent inbound) => $"chat:{inbound.Provider}:{inbound.EditOf ?? inbound.EventId}";

    // A merchant who wrote by SMS hears back by SMS, the invoice confirmation included.
    private static string? ReplyChannel(ChatEvent inbound) => inbound.Channel == Channels.Sms ? Channels.Sms : null;
}
