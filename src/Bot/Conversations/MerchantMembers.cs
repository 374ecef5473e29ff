using System.Data.Common;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Staff;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Who a phone is to the deployment: a merchant's owner, a merchant's staff member, or nobody (a customer).</summary>
public sealed class MerchantMembers
{
    public async Task<ChatActor?> FindAsync(DbConnection c, DbTransaction? t, string phone, CancellationToken ct)
    {
        if (await MerchantRepository.FindByPhoneAsync(c, t, phone, ct) is { } owner) return ChatActor.Owner(owner);
        if (await StaffRepository.FindByPhoneAsync(c, t, phone, ct) is not { } member) return null;
        return await MerchantRepository.GetAsync(c, t, member.MerchantId, ct) is { } merchant ? ChatActor.Staff(merchant, member) : null;
    }

    /// <summary>The actor's reply language, remembered where it belongs: the owner's on the merchant, a staff member's on them.</summary>
    public static Task SetLanguageAsync(DbConnection c, DbTransaction t, ChatActor actor, Language lang, DateTimeOffset now, CancellationToken ct) =>
        actor.IsOwner
            ? MerchantRepository.SetLanguageAsync(c, t, actor.Merchant.Id, lang.Code, now, ct)
            : StaffRepository.SetLanguageAsync(c, t, actor.Merchant.Id, actor.Phone, lang.Code, ct);
}
