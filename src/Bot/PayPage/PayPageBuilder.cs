using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Privacy;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>Turns an invoice into what its pay page shows.</summary>
public sealed class PayPageBuilder(
    MerchantRepository merchants,
    IOptions<AppOptions> app,
    IOptions<MpesaOptions> mpesa,
    IOptions<PayPageOptions> options,
    TimeProvider clock)
{
    public async Task<PayPageModel> BuildAsync(Invoice invoice, CancellationToken ct)
    {
        var merchant = await merchants.GetAsync(invoice.MerchantId, ct);
        var link = app.Value.PayLink(invoice.PayToken);
        return new PayPageModel
        {
            State = StateOf(invoice),
            MerchantName = merchant?.Name ?? "",
            InvoiceNumber = invoice.Number,
            Description = invoice.Description,
            AmountCents = invoice.AmountCents,
            BalanceCents = Math.Max(0, invoice.BalanceCents),
            MaskedPhone = Mask.Phone(invoice.Msisdn),
            PayLink = link,
            QrDataUri = PayQrCode.DataUri(link),
            Instructions = PayInstructions.For(mpesa.Value, invoice.Number),
            Nonce = SecureToken.New(),
            PollMilliseconds = options.Value.PollMilliseconds,
        };
    }

    // The same order of checks as PaymentInitiator, so the page never offers a button the initiator refuses.
    private PayPageState StateOf(Invoice invoice)
    {
        if (invoice.Status == InvoiceStatus.Paid || invoice.BalanceCents <= 0) return PayPageState.Paid;
        if (invoice.Status == InvoiceStatus.Cancelled) return PayPageState.Cancelled;
        if (invoice.Status == InvoiceStatus.Expired || invoice.ExpiresAt <= clock.GetUtcNow()) return PayPageState.Expired;
        return PayPageState.Open;
    }
}
