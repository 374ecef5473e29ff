using System.Data.Common;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// Which WhatsApp number is which: the deployment's shared one (settings) and merchants' own (<c>merchant_whatsapp</c>),
/// whose access tokens are encrypted with ASP.NET Core Data Protection (the key ring every instance reads from the database).
/// </summary>
public sealed class WhatsAppNumbers(MerchantWhatsAppRepository rows, IDataProtectionProvider protection, IOptions<WhatsAppOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("InvoiceFirst.MerchantWhatsApp.v1");

    public string Protect(string accessToken) => protector.Protect(accessToken);

    public string Unprotect(string blob) => protector.Unprotect(blob);

    public WhatsAppNumber Shared => WhatsAppNumber.Shared(options.Value);

    /// <summary>The shared number's id; null when none is configured (the sandbox, or Twilio only).</summary>
    public string? SharedId => string.IsNullOrWhiteSpace(options.Value.PhoneNumberId) ? null : options.Value.PhoneNumberId;

    /// <summary>True for the shared number, and for no number at all (an event or row from before numbers were recorded).</summary>
    public bool IsShared(string? phoneNumberId) =>
        string.IsNullOrEmpty(phoneNumberId) || string.Equals(phoneNumberId, options.Value.PhoneNumberId, StringComparison.Ordinal);

    /// <summary>
    /// The number <paramref name="entry"/> goes from: the merchant's own number it was queued for, else the shared one
    /// (also when that merchant has since gone back to the shared number).
    /// </summary>
    public async Task<WhatsAppNumber> ForEntryAsync(OutboxEntry entry, CancellationToken ct) =>
        IsShared(entry.BusinessNumberId) || await rows.FindByPhoneNumberIdAsync(entry.BusinessNumberId!, ct) is not { } own
            ? Shared
            : ToNumber(own);

    /// <summary>The number a new message of the merchant's goes from: its own if it has one, else the shared one.</summary>
    /// <summary>The number a merchant's messages go from, read on the caller's connection (inside its transaction: no second pooled connection).</summary>
    public async Task<WhatsAppNumber> ForMerchantAsync(DbConnection connection, DbTransaction? transaction, long merchantId, CancellationToken ct) =>
        await MerchantWhatsAppRepository.GetAsync(connection, transaction, merchantId, ct) is { } own ? ToNumber(own) : Shared;

    public WhatsAppNumber ToNumber(MerchantWhatsApp row) =>
        new(row.PhoneNumberId, Unprotect(row.AccessToken), row.InvoiceTemplate, row.TemplateLanguage ?? options.Value.TemplateLanguage, IsOwn: true);
}
