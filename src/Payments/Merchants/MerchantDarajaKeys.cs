using System.Globalization;
using System.Text.Json;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Merchants;

/// <summary>What a merchant's Daraja app needs that nobody may read: stored only as one encrypted blob.</summary>
public sealed record DarajaSecrets(string ConsumerKey, string ConsumerSecret, string Passkey, string? InitiatorName = null,
    string? InitiatorPassword = null, string? Certificate = null)
{
    public override string ToString() => "DarajaSecrets { … }";
}

/// <summary>
/// Merchants' own Daraja apps: their secrets encrypted with ASP.NET Core Data Protection (whose key ring every
/// instance reads from the database), and the <see cref="DarajaAccount"/> each push and query uses: the merchant's
/// own when it has one, else the deployment's.
/// </summary>
public sealed class MerchantDarajaKeys(MerchantMpesaRepository rows, IDataProtectionProvider protection, IOptions<MpesaOptions> options)
{
    public const string Paybill = "PAYBILL";
    public const string Till = "TILL";

    private readonly IDataProtector protector = protection.CreateProtector("InvoiceFirst.MerchantDaraja.v1");

    public string Protect(DarajaSecrets secrets) => protector.Protect(JsonSerializer.Serialize(secrets));

    public DarajaSecrets Unprotect(string blob) =>
        JsonSerializer.Deserialize<DarajaSecrets>(protector.Unprotect(blob)) ?? throw new InvalidOperationException("Empty Daraja secrets");

    /// <summary>The app a new push for the merchant uses.</summary>
    public async Task<DarajaAccount> ForMerchantAsync(long merchantId, CancellationToken ct) =>
        await rows.GetAsync(merchantId, ct) is { IsActive: true } own ? ToAccount(own) : Deployment;

    /// <summary>
    /// The app that pushed <paramref name="payment"/>, for its query: the merchant's keys as they are now (removed ones
    /// stay until no push needs them), else the deployment's.
    /// </summary>
    public async Task<DarajaAccount> ForPaymentAsync(Payment payment, CancellationToken ct) =>
        MerchantOf(payment.DarajaAccount) is { } merchantId && await rows.GetAsync(merchantId, ct) is { } own ? ToAccount(own) : Deployment;

    private DarajaAccount Deployment => DarajaAccount.Deployment(options.Value);

    private DarajaAccount ToAccount(MerchantMpesa row)
    {
        var secrets = Unprotect(row.Secrets);
        return new DarajaAccount(row.AccountKey, secrets.ConsumerKey, secrets.ConsumerSecret, row.ShortCode, secrets.Passkey,
            row.Kind == Till ? MpesaOptions.BuyGoods : MpesaOptions.PayBill, row.PartyB ?? "");
    }

    /// <summary>The merchant id in an account key <c>m42v638…</c>; null for the deployment's.</summary>
    public static long? MerchantOf(string? accountKey) =>
        accountKey is ['m', .. var rest] && rest.IndexOf('v') is > 0 and var v
        && long.TryParse(rest[..v], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
