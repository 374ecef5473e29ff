namespace InvoiceFirst.Data.C2b;

/// <summary>RECEIVED → VERIFIED (became a payment) | REJECTED (M-PESA denies it) | UNVERIFIED (no answer in time).</summary>
public static class C2bConfirmationStatus
{
    public const string Received = "RECEIVED";
    public const string Verified = "VERIFIED";
    public const string Rejected = "REJECTED";
    public const string Unverified = "UNVERIFIED";
}
