namespace InvoiceFirst.Data.Outbox;

public static class OutboxStatus
{
    public const string Pending = "PENDING";
    public const string Sending = "SENDING";
    public const string Sent = "SENT";
    public const string Delivered = "DELIVERED";
    public const string Read = "READ";
    public const string Failed = "FAILED";
    public const string Dead = "DEAD";
}

/// <summary>Why a message is sent; decides fallback and what failure means.</summary>
public static class OutboxPurpose
{
    public const string Reply = "reply";
    public const string Invoice = "invoice";
    public const string Reminder = "reminder";
    public const string Receipt = "receipt";
    public const string Notice = "notice";
}
