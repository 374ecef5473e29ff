using System.Data.Common;
using InvoiceFirst.Data.Customers;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// The merchant's saved customers from chat: finding one by name (ignoring case, or by a unique
/// start of the name), <c>customer Jane 0712…</c> to save or rename, <c>customers</c> to list them.
/// A new name for a saved phone is asked about first, never applied silently.
/// </summary>
public sealed class AddressBook(TimeProvider clock)
{
    /// <summary>At most this many are offered to choose from; the merchant can type more of the name.</summary>
    public const int MaxChoices = 9;

    /// <summary>An exact name (any case) wins over names it merely starts; several of either ask which.</summary>
    public static async Task<CustomerLookup> FindAsync(DbConnection c, DbTransaction t, long merchantId, string name, CancellationToken ct)
    {
        var typed = name.Trim();
        if (typed.Length == 0) return CustomerLookup.None;
        var found = (await CustomerRepository.FindByNameAsync(c, t, merchantId, typed, MaxChoices + 1, ct))
            .Select(f => new SavedCustomer(f.Msisdn, f.Name!)).ToList();
        var exact = found.Where(f => string.Equals(f.Name, typed, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = exact.Count > 0 ? exact : found;
        return candidates.Count switch
        {
            0 => CustomerLookup.None,
            1 => new CustomerLookup(candidates[0], []),
            _ => new CustomerLookup(null, candidates.Take(MaxChoices).ToList()),
        };
    }

    public async Task<ChatTurn> SaveAsync(DbConnection c, DbTransaction t, long merchantId, string name, string msisdn, Language lang,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var saved = await CustomerRepository.GetByMsisdnAsync(c, t, merchantId, msisdn, ct);
        if (saved?.Name is { } current)
        {
            return string.Equals(current, name, StringComparison.OrdinalIgnoreCase)
                ? ChatTurn.Say(Replies.CustomerAlreadySaved(current, msisdn, lang))
                : ChatTurn.Say(Replies.AskRename(msisdn, current, name, lang), new RenameQuestion(now, msisdn, name));
        }

        await CustomerRepository.UpsertAsync(c, t, merchantId, msisdn, name, now, ct);
        return ChatTurn.Say(Replies.CustomerSaved(name, msisdn, lang));
    }

    public async Task<Reply> RenameAsync(DbConnection c, DbTransaction t, long merchantId, RenameQuestion question, bool yes, Language lang,
        CancellationToken ct)
    {
        if (!yes) return Replies.CustomerNameKept(question.Msisdn, lang);
        var now = clock.GetUtcNow();
        if (!await CustomerRepository.RenameAsync(c, t, merchantId, question.Msisdn, question.Name, now, ct))
            await CustomerRepository.UpsertAsync(c, t, merchantId, question.Msisdn, question.Name, now, ct);
        return Replies.CustomerRenamed(question.Msisdn, question.Name, lang);
    }

    public static async Task<Reply> ListAsync(DbConnection c, DbTransaction t, long merchantId, int page, Language lang, CancellationToken ct)
    {
        var paging = new Paging(page, await CustomerRepository.CountAsync(c, t, merchantId, ct));
        var rows = await CustomerRepository.ListAsync(c, t, merchantId, Paging.PageSize, paging.Offset, ct);
        return Replies.CustomerPage(rows.Select(r => new SavedCustomerLine(r.Name, r.Msisdn)).ToList(), paging, lang);
    }
}
