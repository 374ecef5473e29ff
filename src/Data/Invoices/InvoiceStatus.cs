namespace InvoiceFirst.Data.Invoices;

public static class InvoiceStatus
{
    public const string Pending = "PENDING";
    public const string Sent = "SENT";
    public const string PartiallyPaid = "PARTIALLY_PAID";
    public const string Paid = "PAID";
    public const string Cancelled = "CANCELLED";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, PartiallyPaid, Paid, Cancelled, Failed, Expired];

    /// <summary>Statuses in which the customer still owes money and may pay.</summary>
    public static bool IsPayable(string status) => status is Pending or Sent or PartiallyPaid or Failed or Expired;

    public static bool IsOpen(string status) => status is Pending or Sent or PartiallyPaid or Failed;
}
