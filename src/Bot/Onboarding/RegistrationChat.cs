using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Onboarding;

/// <summary>
/// A message from a number that is neither a merchant nor staff. REGISTER (JISAJILI) starts joining,
/// and an open registration takes the answers; a customer's message (a number someone invoiced) is
/// left to <see cref="CustomerChat"/>; anyone else gets the welcome in both languages. Runs inside the
/// inbox transaction, like every chat turn.
/// </summary>
public sealed class RegistrationChat(
    ConversationRepository conversations,
    ReplyWriter replies,
    IOptions<MerchantsOptions> merchants,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    ILogger<RegistrationChat> logger)
{
    private static readonly Dictionary<string, Language> RegisterWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["register"] = Language.English,
        ["registration"] = Language.English,
        ["sign up"] = Language.English,
        ["signup"] = Language.English,
        ["join"] = Language.English,
        ["jisajili"] = Language.Swahili,
        ["sajili"] = Language.Swahili,
        ["usajili"] = Language.Swahili,
        ["jiunge"] = Language.Swahili,
    };

    /// <summary>False when the message is a customer's: the caller hands it to <see cref="CustomerChat"/>.</summary>
    public async Task<bool> HandleAsync(DbConnection c, DbTransaction t, ChatEvent inbound, CancellationToken ct)
    {
        var input = (inbound.Kind == InboundKind.Button ? inbound.ButtonId : inbound.Text)?.Trim() ?? "";
        // A pay button, or PAY from a number nobody invoiced (paying from another phone), is a customer's.
        if (inbound.Kind == InboundKind.Button && input.StartsWith(InvoiceTexts.PayButtonPrefix, StringComparison.Ordinal)
            || inbound.Kind == InboundKind.Text && CustomerChat.IsPayWord(input))
            return false;

        var now = clock.GetUtcNow();
        var conversation = await conversations.LockAsync(c, t, inbound.From!, now, ct);
        var state = RegistrationStore.Read(conversation);
        var flow = new RegistrationFlow(state, platform.Value.CollectionEnabled == true);
        var mode = merchants.Value.Registration ?? RegistrationMode.Approval;
        Merchant? joined = null;

        IReadOnlyList<Reply> answers;
        if (inbound.Kind == InboundKind.Text && RegisterWords.TryGetValue(input.TrimEnd('.', '!'), out var keywordLanguage))
        {
            answers = mode == RegistrationMode.Closed
                ? [RegistrationReplies.RegistrationClosed(merchants.Value.ContactText, keywordLanguage)]
                : flow.Start(keywordLanguage, now).Replies;
        }
        else if (!flow.IsOpenAt(now))
        {
            if (await InvoicePayments.AnySentToAsync(c, t, inbound.From!, ct)) return false;
            answers = [RegistrationReplies.Welcome(mode, merchants.Value.ContactText)];
        }
        else if (inbound.Kind == InboundKind.Unsupported)
        {
            answers = [Replies.ReAsk(Replies.MediaNotRead(inbound.UnsupportedType, state.Language), flow.Prompt())];
        }
        else
        {
            var turn = flow.Handle(input, now);
            answers = turn.Replies;
            if (turn.Confirmed is { } done)
            {
                (joined, var outcome) = await JoinAsync(c, t, inbound.From!, done, mode, now, ct);
                answers = [.. answers, outcome];
            }
        }

        if (state.Step != "Idle" || joined is not null) conversation.Language = state.LanguageCode;
        conversation.Heard(inbound.ReceivedAt ?? now);
        RegistrationStore.Write(conversation, state);
        conversation.UpdatedAt = now;
        await ConversationRepository.SaveAsync(c, t, conversation, ct);
        await replies.WriteAsync(c, t, inbound, joined?.Id, answers, ct);
        return true;
    }

    /// <summary>The confirmed registration becomes a merchant: active at once (open) or waiting for the operator (approval).</summary>
    private async Task<(Merchant? Merchant, Reply Outcome)> JoinAsync(DbConnection c, DbTransaction t, string phone, RegistrationState done,
        RegistrationMode mode, DateTimeOffset now, CancellationToken ct)
    {
        var lang = done.Language;
        // The operator may have closed registration while this one was being filled in.
        if (mode == RegistrationMode.Closed) return (null, RegistrationReplies.RegistrationClosed(merchants.Value.ContactText, lang));
        var status = mode == RegistrationMode.Open ? MerchantStatus.Active : MerchantStatus.Pending;
        var merchant = await MerchantRepository.CreateAsync(c, t,
            new NewMerchant(phone, done.BusinessName!, lang.Code, status, done.Pay?.Route, done.Pay?.Number, done.Pay?.Account), now, ct);
        if (merchant is null) return (null, RegistrationReplies.AlreadyRegistered(lang));
        logger.LogInformation("Merchant {MerchantId} joined by chat ({Status})", merchant.Id, merchant.Status);
        return (merchant, merchant.Status == MerchantStatus.Active
            ? RegistrationReplies.Welcome(merchant, approved: false, lang)
            : RegistrationReplies.RegistrationPending(merchant, lang));
    }
}
