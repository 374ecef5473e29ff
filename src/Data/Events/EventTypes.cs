namespace InvoiceFirst.Data.Events;

/// <summary>The names subscribers of <c>GET /events</c> see; part of the public contract.</summary>
public static class EventTypes
{
    public const string InvoiceCreated = "invoice.created";
    public const string InvoiceSent = "invoice.sent";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePartiallyPaid = "invoice.partially_paid";
    public const string InvoiceExpired = "invoice.expired";
    public const string PaymentFailed = "payment.failed";
    public const string MessageFailed = "message.failed";
    public const string ProviderStatusChanged = "provider.status_changed";
}
