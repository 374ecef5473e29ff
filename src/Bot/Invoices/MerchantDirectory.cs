using System.Data.Common;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>Finds the merchant a request acts for.</summary>
public sealed class MerchantDirectory(MerchantRepository merchants, IOptions<MerchantOptions> options)
{
    /// <summary>The one configured as <c>Merchant:Phone</c>, if any.</summary>
    public async Task<Merchant?> ConfiguredAsync(CancellationToken ct) =>
        ConfiguredPhone() is { } msisdn ? await merchants.FindByPhoneAsync(msisdn, ct) : null;

    /// <summary>The same, read on the caller's connection (inside its transaction: no second pooled connection).</summary>
    public async Task<Merchant?> ConfiguredAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        ConfiguredPhone() is { } msisdn ? await MerchantRepository.FindByPhoneAsync(connection, transaction, msisdn, ct) : null;

    private string? ConfiguredPhone() => MobileNumber.TryParseKenyan(options.Value.Phone ?? "", out var msisdn) ? msisdn : null;

    /// <summary>
    /// A merchant key acts for its own merchant, and a <paramref name="merchantId"/> naming another is answered like
    /// a missing one. The operator's key acts for the merchant it names, or, naming none, for the configured one.
    /// </summary>
    public async Task<(Merchant? Merchant, IResult? Refusal)> ForRequestAsync(HttpContext http, long? merchantId, CancellationToken ct)
    {
        if (ApiCaller.Of(http).Merchant is { } own)
            return merchantId is { } named && named != own.Id ? (null, NoSuchMerchant()) : (own, null);
        var merchant = merchantId is { } known ? await merchants.GetAsync(known, ct) : await ConfiguredAsync(ct);
        if (merchant is not null) return (merchant, null);
        return (null, merchantId is null
            ? Results.Problem(statusCode: 400, title: "merchant_id is required",
                detail: "This deployment has no Merchant:Phone; name the merchant with ?merchant_id=.")
            : NoSuchMerchant());
    }

    /// <summary>
    /// For reads that may span every merchant (<c>/events</c>, <c>/reconciliation</c>): a merchant key reads its own merchant
    /// (another's <paramref name="merchantId"/> is answered like a missing one); the operator's key reads the merchant it names,
    /// or, naming none, every merchant (a null <c>MerchantId</c> with no refusal).
    /// </summary>
    public async Task<(long? MerchantId, IResult? Refusal)> ReadScopeAsync(HttpContext http, long? merchantId, CancellationToken ct)
    {
        if (ApiCaller.Of(http).Merchant is { } own)
            return merchantId is { } named && named != own.Id ? (null, NoSuchMerchant()) : (own.Id, null);
        if (merchantId is not { } wanted) return (null, null);
        return await merchants.GetAsync(wanted, ct) is null ? (null, NoSuchMerchant()) : (wanted, null);
    }

    private static IResult NoSuchMerchant() => Results.Problem(statusCode: 404, title: "No such merchant");
}
