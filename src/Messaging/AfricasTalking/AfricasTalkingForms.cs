using InvoiceFirst.Data.Domain;
using System.Globalization;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.Channels;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.AfricasTalking;

/// <summary>
/// Africa's Talking callbacks (spec 3.2, 3.3) → normalized events. They are unsigned: protect the
/// URL with a secret path. Throws <see cref="WebhookFormatException"/> when the id is missing.
/// </summary>
public static class AfricasTalkingForms
{
    public static ChatEvent ParseInbound(IReadOnlyDictionary<string, string> form, DateTimeOffset receivedAt)
    {
        var id = form.Required("id", "africastalking");
        return new ChatEvent
        {
            Provider = Providers.AfricasTalking,
            Channel = ChannelNames.Sms,
            EventId = id,
            ChatKind = InboundKind.Text,
            From = MobileNumber.ToDigits(form.Required("from", "africastalking")),
            Text = form.Get("text") ?? "",
            Timestamp = ParseDate(form.Get("date")) ?? receivedAt,
        };
    }

    public static DeliveryReport ParseDeliveryReport(IReadOnlyDictionary<string, string> form, DateTimeOffset receivedAt)
    {
        var id = form.Required("id", "africastalking");
        var status = form.Required("status", "africastalking");
        var phone = form.Get("phoneNumber");
        return new DeliveryReport
        {
            Provider = Providers.AfricasTalking,
            Channel = ChannelNames.Sms,
            EventId = id + ":" + status,
            MessageId = id,
            Status = NormalizeStatus(status),
            ErrorCode = form.Get("failureReason"),
            Recipient = phone is null ? null : MobileNumber.ToDigits(phone),
            Timestamp = receivedAt,
        };
    }

    public static string NormalizeStatus(string status) => status switch
    {
        "Success" => DeliveryStatusNames.Delivered,
        "Sent" or "Submitted" or "Buffered" => DeliveryStatusNames.Sent,
        "Rejected" or "Failed" or "AbsentSubscriber" or "Expired" or "InsufficientBalance" => DeliveryStatusNames.Failed,
        _ => status.ToLowerInvariant(),
    };

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
