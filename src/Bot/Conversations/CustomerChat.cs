using System.Data.Common;
using InvoiceFirst.Payments.Flow;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// A message from someone who is not a merchant: a customer. A pay button (<c>pay:{invoiceId}</c>)
/// or the word PAY/LIPA records a payment; the STK push follows once this transaction commits. With
/// several unpaid invoices PAY asks which one first. Replies follow the language the customer writes
/// in, else the invoice's. An edited message is read like a new one: starting a payment twice finds
/// the one already open.
/// </summary>
public sealed class CustomerChat(ConversationRepository conversations, ReplyWriter replies,
    PaymentInitiator initiator, TimeProvider clock)
{
    /// <summary>More than this many unpaid invoices: the newest ones are offered.</summary>
    private const int MaxChoices = 9;

    private static readonly HashSet<string> PayWords = new(StringComparer.OrdinalIgnoreCase) { "pay", "lipa" };

    /// <summary>PAY or LIPA, however it is written.</summary>
    public static bool IsPayWord(string text) => PayWords.Contains(text.Trim().TrimEnd('.', '!'));

    public async Task HandleAsync(DbConnection c, DbTransaction t, ChatEvent inbound, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = await conversations.LockAsync(c, t, inbound.From!, now, ct);
        // The conversation's window is the shared number's; a merchant's own number keeps its own (whatsapp_windows).
        if (inbound.OwnNumberMerchantId is null) conversation.Heard(inbound.ReceivedAt ?? now);
        var text = inbound.Kind == InboundKind.Text ? inbound.Text?.Trim().TrimEnd('.', '!') ?? "" : "";
        if (LanguageDetector.Detect(text) is { } spoken)
            conversation.Language = spoken.Code;

        var context = ChatContext.Read(conversation);
        var question = context.OpenQuestion(now) as InvoiceChoice;
        context.Question = null;
        var turn = inbound.Kind switch
        {
            InboundKind.Unsupported => ChatTurn.Say(Replies.CustomerMediaNotRead(await LanguageAsync(c, t, conversation, null, now, ct))),
            InboundKind.Button when inbound.ButtonId is { } id && id.StartsWith(InvoiceTexts.PayButtonPrefix, StringComparison.Ordinal) =>
                await PayInvoiceAsync(c, t, inbound, conversation, id[InvoiceTexts.PayButtonPrefix.Length..], ct),
            InboundKind.Text when question is not null && Chosen(question, text) is { } chosen =>
                await PayInvoiceAsync(c, t, inbound, conversation, chosen.InvoiceId, ct),
            InboundKind.Text when question is not null
                && (ChatAnswer.Parse(text).Kind == AnswerKind.Number || InvoiceNumber.TryNormalize(text.Replace(" ", "", StringComparison.Ordinal), out _)) =>
                ChatTurn.Say(Replies.PickFromList(question.Options.Count, await LanguageAsync(c, t, conversation, null, now, ct)), question),
            InboundKind.Text when IsPayWord(text) => await PayOrAskAsync(c, t, inbound, conversation, now, ct),
            _ => ChatTurn.Say(Replies.CustomerPayHint(await LanguageAsync(c, t, conversation, null, now, ct))),
        };

        context.Question = turn.Question;
        ChatContext.Write(conversation, context);
        conversation.UpdatedAt = now;
        await ConversationRepository.SaveAsync(c, t, conversation, ct);
        await replies.WriteAsync(c, t, inbound, merchantId: null, turn.Replies, ct);
    }

    private async Task<ChatTurn> PayInvoiceAsync(DbConnection c, DbTransaction t, ChatEvent inbound, Conversation conversation,
        string invoiceId, CancellationToken ct)
    {
        var invoice = await InvoicePayments.GetAsync(c, t, invoiceId, ct);
        // Object-level authorization: an invoice id is not a secret, the number it was sent to is the key. On a merchant's
        // own WhatsApp number only that merchant's invoices exist.
        if (invoice is null || invoice.Msisdn != inbound.From || inbound.OwnNumberMerchantId is { } own && invoice.MerchantId != own)
            return ChatTurn.Say(Replies.NotYourInvoice(Language.FromCode(conversation.Language)));
        return await StartAsync(c, t, inbound, invoice, await LanguageAsync(c, t, conversation, invoice, clock.GetUtcNow(), ct), ct);
    }

    private async Task<ChatTurn> PayOrAskAsync(DbConnection c, DbTransaction t, ChatEvent inbound, Conversation conversation,
        DateTimeOffset now, CancellationToken ct)
    {
        var payable = await InvoicePayments.ListPayableForAsync(c, t, inbound.From!, now, MaxChoices, ct, inbound.OwnNumberMerchantId);
        if (payable.Count == 1)
            return await StartAsync(c, t, inbound, payable[0], await LanguageAsync(c, t, conversation, payable[0], now, ct), ct);
        if (payable.Count == 0)
        {
            // Nothing payable: the newest one owed (expired, say) explains itself, else there is nothing to pay.
            var latest = await InvoicePayments.LatestUnpaidForAsync(c, t, inbound.From!, ct, inbound.OwnNumberMerchantId);
            var lang = await LanguageAsync(c, t, conversation, latest, now, ct);
            return latest is null ? ChatTurn.Say(Replies.NoUnpaidInvoice(lang)) : await StartAsync(c, t, inbound, latest, lang, ct);
        }

        var summaries = new List<PayableSummary>();
        foreach (var invoice in payable)
        {
            var merchant = await MerchantRepository.GetAsync(c, t, invoice.MerchantId, ct);
            summaries.Add(new PayableSummary(invoice.Number, merchant?.Name ?? "", invoice.Balance, invoice.Description));
        }

        return ChatTurn.Say(Replies.WhichInvoiceToPay(summaries, await LanguageAsync(c, t, conversation, payable[0], now, ct)),
            new InvoiceChoice(now, payable.Select(i => new PayOption(i.Id, i.Number)).ToList()));
    }

    private async Task<ChatTurn> StartAsync(DbConnection c, DbTransaction t, ChatEvent inbound, Invoice invoice, Language lang,
        CancellationToken ct)
    {
        // Keyed by the event: handling the same tap again finds the same payment instead of a second push.
        var key = $"chat:{inbound.Provider}:{inbound.EventId}";
        var replyChannel = inbound.Channel == Channels.Sms ? Channels.Sms : null;
        var started = await initiator.StartAsync(c, t, invoice, inbound.From!, key, replyChannel, ct);
        return ChatTurn.Say(started.Kind switch
        {
            InitiationKind.Started or InitiationKind.Existing when started.Payment!.Amount < invoice.Balance =>
                Replies.CheckYourPhoneForPart(invoice.Number, started.Payment.Amount, invoice.Balance, lang),
            InitiationKind.Started or InitiationKind.Existing => Replies.CheckYourPhone(invoice.Number, started.Payment!.Amount, lang),
            InitiationKind.AlreadyLive => Replies.PromptAlreadyOpen(invoice.Number, lang),
            InitiationKind.Paid => Replies.InvoiceAlreadyPaid(invoice.Number, lang),
            _ => Replies.InvoiceNotPayable(invoice.Number, lang),
        });
    }

    /// <summary>
    /// The option a reply picks: its place in the list (1-9) or its invoice number. Two businesses may each have sent
    /// an INV-0001: a number that names several picks none, and the list is offered again.
    /// </summary>
    internal static PayOption? Chosen(InvoiceChoice question, string text)
    {
        var answer = ChatAnswer.Parse(text);
        if (answer.Kind == AnswerKind.Number && answer.Number <= question.Options.Count)
            return question.Options[answer.Number - 1];
        if (!InvoiceNumber.TryNormalize(text.Replace(" ", "", StringComparison.Ordinal), out var number)) return null;
        var named = question.Options.Where(o => o.Number == number).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The language the customer writes in, else the invoice's (the newest payable one when none is named), else English.</summary>
    private async Task<Language> LanguageAsync(DbConnection c, DbTransaction t, Conversation conversation, Invoice? invoice, DateTimeOffset now,
        CancellationToken ct)
    {
        if (conversation.Language is { } chosen) return Language.FromCode(chosen);
        invoice ??= (await InvoicePayments.ListPayableForAsync(c, t, conversation.Participant, now, 1, ct)).FirstOrDefault();
        if (invoice is null) return Language.English;
        if (invoice.Language is { } sent) return Language.FromCode(sent);
        return Language.FromCode((await MerchantRepository.GetAsync(c, t, invoice.MerchantId, ct))?.Language);
    }
}
