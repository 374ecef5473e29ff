using InvoiceFirst.Data.Payments;

namespace InvoiceFirst.Bot.Payments;

public sealed record PaymentView(long PaymentId, string? InvoiceId, string Status, long AmountCents, string? CheckoutRequestId, string? MpesaReceipt)
{
    public static PaymentView Of(Payment p) => new(p.Id, p.InvoiceId, p.Status.Value, p.AmountCents, p.CheckoutRequestId, p.MpesaReceipt);
}
