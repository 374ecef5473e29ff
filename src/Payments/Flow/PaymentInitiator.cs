using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Records a pay attempt as INITIATED in the caller's transaction. The STK push itself is made
/// by <see cref="StkPusher"/> only after that transaction commits: an HTTP call inside the inbox
/// transaction would hold row locks for seconds and, on a rollback, leave a prompt on the phone
/// with no payment row to settle it against. Committed first, the row is the durable promise;
/// <see cref="StkPushWorker"/> claims it (once) and pushes.
/// </summary>
public sealed class PaymentInitiator(IOptions<MpesaOptions> mpesa, PaymentSignal signal, TimeProvider clock)
{
    public async Task<Initiation> StartAsync(DbConnection c, DbTransaction t, Invoice invoice, string payer, string idempotencyKey,
        string? replyChannel, CancellationToken ct)
    {
        if (await PaymentRepository.GetByIdempotencyKeyAsync(c, t, idempotencyKey, ct) is { } seen)
            return new Initiation(InitiationKind.Existing, invoice, seen);

        var now = clock.GetUtcNow();
        if (invoice.Status == InvoiceStatus.Paid || invoice.BalanceCents <= 0) return new Initiation(InitiationKind.Paid, invoice);
        if (invoice.Status == InvoiceStatus.Cancelled || invoice.Status == InvoiceStatus.Expired || invoice.ExpiresAt <= now)
            return new Initiation(InitiationKind.Closed, invoice);

        // Daraja takes at most MaxAmountPerTransaction at once: a larger balance is paid in parts, one per tap.
        var amountCents = Money.Min(invoice.Balance, Money.FromShillings(mpesa.Value.MaxAmountPerTransaction)).Cents;
        var payment = new Payment
        {
            InvoiceId = invoice.Id,
            Method = PaymentMethod.Stk,
            Status = PaymentStatus.Initiated,
            AmountCents = amountCents,
            Msisdn = payer,
            IdempotencyKey = idempotencyKey,
            CallbackToken = Data.Invoices.SecureToken.New(),
            ReplyChannel = replyChannel,
            CreatedAt = now,
        };
        if (await PaymentRepository.TryInsertAsync(c, t, payment, ct) is { } id)
        {
            signal.Notify();
            return new Initiation(InitiationKind.Started, invoice, payment with { Id = id });
        }

        // The unique keys refused it: the same request again, or a prompt already open for this invoice.
        if (await PaymentRepository.GetByIdempotencyKeyAsync(c, t, idempotencyKey, ct) is { } same)
            return new Initiation(InitiationKind.Existing, invoice, same);
        return new Initiation(InitiationKind.AlreadyLive, invoice, await PaymentRepository.GetLiveStkAsync(c, t, invoice.Id, ct));
    }
}
