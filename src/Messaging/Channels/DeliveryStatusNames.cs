using InvoiceFirst.Data.Inbox;

namespace InvoiceFirst.Messaging.Channels;

/// <summary>
/// The <see cref="DeliveryReport.Status"/> strings the parsers emit: lowercase <see cref="DeliveryStatus"/>
/// names. A provider status with no such meaning (WhatsApp <c>deleted</c>, <c>warning</c>) is kept
/// as its own lowercase name, which <see cref="TryParse"/> rejects.
/// </summary>
public static class DeliveryStatusNames
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    public static bool TryParse(string? name, out DeliveryStatus status)
    {
        switch (name)
        {
            case Queued: status = DeliveryStatus.Queued; return true;
            case Sent: status = DeliveryStatus.Sent; return true;
            case Delivered: status = DeliveryStatus.Delivered; return true;
            case Read: status = DeliveryStatus.Read; return true;
            case Failed: status = DeliveryStatus.Failed; return true;
            default: status = default; return false;
        }
    }
}
