using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The owner puts Paybill money that matched no invoice onto one of their invoices. It then counts exactly as if the
/// payer had typed that invoice's reference: the invoice is paid or part-paid and both sides get their receipts.
/// </summary>
public sealed class UnappliedMoney(Db db, PaymentSettler settler, TimeProvider clock)
{
    public abstract record Outcome
    {
        private Outcome() { }
        public sealed record Applied(Money Amount, string InvoiceNumber) : Outcome;
        public sealed record NoSuchPayment : Outcome;
        public sealed record AlreadyApplied : Outcome;
        public sealed record NoSuchInvoice : Outcome;
        public sealed record NotPayable(string InvoiceNumber) : Outcome;
    }

    public Task<Outcome> ApplyAsync(AppUser owner, long paymentId, string typedNumber, CancellationToken ct) =>
        db.InTransactionAsync<Outcome>(async (c, t) =>
        {
            var merchantId = owner.Merchant.Id;
            if (await MerchantPayments.GetAsync(c, t, merchantId, paymentId, ct) is not { } row) return new Outcome.NoSuchPayment();
            if (!row.IsUnapplied) return new Outcome.AlreadyApplied();
            var invoice = InvoiceNumber.TryNormalize(typedNumber, out var number)
                ? await InvoiceRepository.GetByNumberAsync(c, t, merchantId, number, ct)
                : null;
            if (invoice is null) return new Outcome.NoSuchInvoice();
            if (!invoice.Status.IsPayable || invoice.BalanceCents <= 0) return new Outcome.NotPayable(invoice.Number);
            if (!await MerchantPayments.TryApplyAsync(c, t, merchantId, paymentId, invoice.Id, owner.Actor.Phone, clock.GetUtcNow(), ct))
                return new Outcome.AlreadyApplied();
            var payment = await PaymentRepository.GetAsync(c, t, paymentId, ct)
                ?? throw new InvalidOperationException("An applied payment vanished inside its transaction");
            await settler.ApplyAsync(c, t, payment, ct);
            return new Outcome.Applied(payment.Amount, invoice.Number);
        }, ct);
}
