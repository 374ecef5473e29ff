namespace InvoiceFirst.Data.Payments;

public static class PaymentStatus
{
    public const string Initiated = "INITIATED";
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Expired = "EXPIRED";
    public const string NeedsReview = "NEEDS_REVIEW";
}

public static class PaymentMethod
{
    public const string Stk = "STK";
    public const string C2b = "C2B";
}
