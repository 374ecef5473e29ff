using System.Data.Common;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Answers to the questions the bot asks a merchant: a duplicate invoice, a rename, which saved customer.</summary>
public sealed class MerchantQuestions(ChatInvoiceSender sender, AddressBook book)
{
    /// <summary>The turn the answer makes, or null when the message does not answer the question (it is then read as usual).</summary>
    public async Task<ChatTurn?> AnswerAsync(DbConnection c, DbTransaction t, ChatActor actor, ChatQuestion question, ChatAnswer answer,
        Language lang, CancellationToken ct)
    {
        switch (question, answer.Kind)
        {
            case (DuplicateQuestion duplicate, AnswerKind.Yes):
                return await sender.SendAsync(c, t, actor, duplicate.Invoice, lang, checkDuplicate: false, ct);
            case (DuplicateQuestion duplicate, AnswerKind.No):
                return ChatTurn.Say(Replies.DuplicateNotSent(duplicate.SentNumber, lang));
            case (RenameQuestion rename, AnswerKind.Yes or AnswerKind.No):
                return ChatTurn.Say(await book.RenameAsync(c, t, actor.Merchant.Id, rename, answer.Kind == AnswerKind.Yes, lang, ct));
            case (CustomerChoice choice, AnswerKind.Number) when answer.Number <= choice.Options.Count:
                var picked = choice.Options[answer.Number - 1];
                return await sender.SendAsync(c, t, actor, choice.Invoice with { Msisdn = picked.Msisdn, CustomerName = picked.Name },
                    lang, checkDuplicate: true, ct);
            case (CustomerChoice choice, AnswerKind.Number):
                return ChatTurn.Say(Replies.PickFromList(choice.Options.Count, lang), choice);
            case (CustomerChoice, AnswerKind.No):
                return ChatTurn.Say(Replies.DraftCancelled(lang));
            default:
                return null;
        }
    }
}
