using InvoiceFirst.Data.Domain;
using System.Globalization;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.Channels;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Twilio;

/// <summary>
/// Twilio inbound-message and status-callback forms (spec 2.2, 2.3) → normalized events. Check
/// <see cref="TwilioSignature"/> first. Throws <see cref="WebhookFormatException"/> without a MessageSid.
/// </summary>
public static class TwilioForms
{
    private const string WhatsAppPrefix = "whatsapp:";

    public static ChatEvent ParseInbound(IReadOnlyDictionary<string, string> form, DateTimeOffset receivedAt)
    {
        var sid = form.Required("MessageSid", "twilio");
        var from = form.Required("From", "twilio");
        var body = form.Get("Body");
        var payload = form.Get("ButtonPayload");
        var numMedia = int.TryParse(form.Get("NumMedia"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

        var e = new ChatEvent
        {
            Provider = Providers.Twilio,
            Channel = from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? ChannelNames.WhatsApp : ChannelNames.Sms,
            EventId = sid,
            ChatKind = InboundKind.Text,
            From = MobileNumber.ToDigits(from),
            Text = body ?? "",
            Timestamp = receivedAt,
        };
        if (payload is not null) return e with { ChatKind = InboundKind.Button, ButtonId = payload, Text = form.Get("ButtonText") ?? body };
        if (numMedia > 0 && body is null)
        {
            var type = form.Get("MessageType") ?? form.Get("MediaContentType0") ?? "media";
            return e with { ChatKind = InboundKind.Unsupported, UnsupportedType = type, Text = null };
        }
        return e;
    }

    public static DeliveryReport ParseStatus(IReadOnlyDictionary<string, string> form, DateTimeOffset receivedAt)
    {
        var sid = form.Required("MessageSid", "twilio");
        var status = form.Get("MessageStatus") ?? form.Required("SmsStatus", "twilio");
        var to = form.Get("To") ?? "";
        return new DeliveryReport
        {
            Provider = Providers.Twilio,
            Channel = to.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? ChannelNames.WhatsApp : ChannelNames.Sms,
            EventId = sid + ":" + status,
            MessageId = sid,
            Status = NormalizeStatus(status),
            ErrorCode = form.Get("ErrorCode"),
            Timestamp = receivedAt,
        };
    }

    public static string NormalizeStatus(string status) => status switch
    {
        "queued" or "accepted" or "sending" or "scheduled" => DeliveryStatusNames.Queued,
        "sent" => DeliveryStatusNames.Sent,
        "delivered" => DeliveryStatusNames.Delivered,
        "read" => DeliveryStatusNames.Read,
        "failed" or "undelivered" or "canceled" => DeliveryStatusNames.Failed,
        _ => status.ToLowerInvariant(),
    };
}
