using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>Finds the merchant the API acts for: the one configured as <c>Merchant:Phone</c>.</summary>
public sealed class MerchantDirectory(MerchantRepository merchants, IOptions<MerchantOptions> options)
{
    public async Task<Merchant?> ConfiguredAsync(CancellationToken ct) =>
        MobileNumber.TryParseKenyan(options.Value.Phone ?? "", out var msisdn) ? await merchants.FindByPhoneAsync(msisdn, ct) : null;
}
