using System.Data.Common;
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

/// <summary>A merchant's own shortcode: whose it is, the app that charges it, and who may ask about its receipts (if saved).</summary>
public sealed record OwnShortCode(long MerchantId, DarajaAccount Account, DarajaInitiator? Initiator);

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

    /// <summary>The same, read on the caller's connection (inside its transaction: no second pooled connection).</summary>
    public async Task<DarajaAccount> ForPaymentAsync(DbConnection connection, DbTransaction? transaction, Payment payment, CancellationToken ct) =>
        MerchantOf(payment.DarajaAccount) is { } merchantId && await MerchantMpesaRepository.GetAsync(connection, transaction, merchantId, ct) is { } own
            ? ToAccount(own)
            : Deployment;

    /// <summary>
    /// The merchant whose own app charges <paramref name="shortCode"/> (its Paybill or Till), with the initiator that may ask
    /// Transaction Status about its receipts if one was saved; null when the shortcode is no merchant's own.
    /// </summary>
    public async Task<OwnShortCode?> ForShortCodeAsync(string shortCode, CancellationToken ct)
    {
        if (await rows.FindByShortCodeAsync(shortCode, ct) is not { } row) return null;
        var secrets = Unprotect(row.Secrets);
        var initiator = secrets is { InitiatorName: { } name, InitiatorPassword: { } password, Certificate: { } certificate }
            ? new DarajaInitiator(name, password, SecurityCredential.FromText(certificate))
            : null;
        return new OwnShortCode(row.MerchantId, ToAccount(row), initiator);
    }

    public Task MarkUsedAsync(DarajaAccount account, DateTimeOffset now, CancellationToken ct) =>
        MerchantOf(account.Key) is { } merchantId ? rows.MarkUsedAsync(merchantId, now, ct) : Task.CompletedTask;

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
