using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// The line under the sandbox's merchant phone that says where that merchant's money goes: into its own Paybill or Till
/// (its own Daraja keys), or through this service's collection account with the balance its ledger holds.
/// </summary>
public sealed class SandboxMerchantRoute(Db db, IOptions<MpesaOptions> mpesa)
{
    public async Task<string?> DescribeAsync(string phone, CancellationToken ct) =>
        await db.InTransactionAsync<string?>(async (c, t) =>
        {
            if (await MerchantRepository.FindByPhoneAsync(c, t, phone, ct) is not { } merchant) return null;
            var own = await MerchantMpesaRepository.GetAsync(c, t, merchant.Id, ct) is { IsActive: true } row ? row : null;
            var how = PayInstructions.For(own, mpesa.Value, "");
            var into = how is null ? "" : (how.IsTill ? $"Till {how.BusinessNumber}" : $"Paybill {how.BusinessNumber}");
            if (own is not null) return $"Customers pay into this merchant's own {into} (its own Daraja keys).";
            if (merchant.PayRoute != PayRoutes.Collection) return $"Customers pay this service's {into}.";
            var balance = Money.FromCents(await LedgerRepository.BalanceAsync(c, t, merchant.Id, ct));
            return $"Collected for this merchant on this service's {into}: {balance.ToKes()} to pay out (send balance).";
        }, ct);
}
