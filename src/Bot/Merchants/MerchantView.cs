using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>A merchant as the operator API shows it.</summary>
/// <param name="PayRoute">till, paybill or collection, as the merchant said when joining by chat; null when never said.</param>
public sealed record MerchantView(long Id, string Phone, string Name, string Language, string? Code, string Status, DateTimeOffset CreatedAt,
    MerchantLimitsView Limits, string? PayRoute, string? PayNumber, string? PayAccount)
{
    public static MerchantView From(Merchant m, MerchantLimits limits) =>
        new(m.Id, m.Phone, m.Name, m.Language, m.Code, m.Status.ToLowerInvariant(), m.CreatedAt, limits.For(m),
            m.PayRoute?.ToLowerInvariant(), m.PayNumber, m.PayAccount);
}

public sealed record MerchantList(IReadOnlyList<MerchantView> Merchants, long? NextAfter);

public sealed record CreateMerchantRequest(string? Phone, string? Name, string? Language);

/// <summary>A merchant key: <see cref="Key"/> is set only in the answer that made it, and never shown again.</summary>
public sealed record ApiKeyView(long Id, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Key = null)
{
    public static ApiKeyView From(MerchantApiKey k, string? key = null) => new(k.Id, k.Prefix, k.CreatedAt, k.RevokedAt, key);
}
