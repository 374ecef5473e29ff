using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// What became of a payment, for the people involved. The payment domain decides and records it; the host turns
/// it into messages (<see cref="IPaymentOutcomes"/>) in the same transaction, so the record and its messages
/// commit together or not at all.
/// </summary>
public abstract record PaymentOutcome
{
    private PaymentOutcome() { }

    /// <summary>Money applied to an invoice: <paramref name="Before"/> and <paramref name="After"/> the payment.</summary>
    public sealed record Settled(Payment Payment, Invoice Before, Invoice After) : PaymentOutcome;

    /// <summary>The customer did not complete the prompt (cancelled, timed out, wrong PIN…): they may try again.</summary>
    public sealed record NotCompleted(Payment Payment, Invoice Invoice, PaymentFailureKind Kind) : PaymentOutcome;

    /// <summary>Daraja refused to send the prompt at all.</summary>
    public sealed record PushRefused(Payment Payment, Invoice Invoice, StkErrorKind Kind) : PaymentOutcome;

    /// <summary>A verified Paybill/Till payment whose account matches no invoice: recorded as payment
    /// <paramref name="PaymentId"/>, not applied. Paid to a merchant's own shortcode it is <paramref name="ShortCodeOwner"/>'s;
    /// otherwise the host decides whose it is.</summary>
    public sealed record Unapplied(C2bConfirmation Confirmation, long PaymentId, long? ShortCodeOwner) : PaymentOutcome;

    /// <summary>A B2C payout reached the merchant: M-PESA paid it (its receipt) and the ledger has the payout entry.</summary>
    public sealed record PaidOut(Data.Payouts.Payout Payout) : PaymentOutcome;
}

/// <summary>Receives each <see cref="PaymentOutcome"/> inside the transaction that recorded it.</summary>
public interface IPaymentOutcomes
{
    Task RaiseAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, PaymentOutcome outcome, CancellationToken ct);
}
