using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>A status change the operator may ask for (JSON API and console alike), named by its action.</summary>
public sealed record MerchantTransition(string Action, string From, string To)
{
    public static readonly IReadOnlyList<MerchantTransition> All =
    [
        new("approve", MerchantStatus.Pending, MerchantStatus.Active),
        new("decline", MerchantStatus.Pending, MerchantStatus.Declined),
        new("suspend", MerchantStatus.Active, MerchantStatus.Suspended),
        new("resume", MerchantStatus.Suspended, MerchantStatus.Active),
    ];

    /// <summary>What can be done to a merchant in <paramref name="status"/>.</summary>
    public static IEnumerable<MerchantTransition> Leaving(string status) => All.Where(t => t.From == status);

    /// <summary>Takes the merchant out of business (or refuses it): the console shows it as a warning.</summary>
    public bool Stops => To is MerchantStatus.Declined or MerchantStatus.Suspended;
}
