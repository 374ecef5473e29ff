using InvoiceFirst.Data.Domain;
using System.Text.Json;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.Channels;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// Raw webhook bytes → normalized events, over every entry/change/message/status (Meta batches).
/// Throws <see cref="WebhookFormatException"/> for bodies that are not JSON objects.
/// </summary>
public static class WhatsAppWebhookParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <param name="receivedAt">Used for items that carry no readable timestamp.</param>
    public static IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> rawBody, DateTimeOffset receivedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(rawBody, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("WhatsApp webhook body is not valid JSON", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new WebhookFormatException("WhatsApp webhook body is not a JSON object");

            var events = new List<InboundEvent>();
            foreach (var entry in JsonRead.Array(document.RootElement, "entry"))
            foreach (var change in JsonRead.Array(entry, "changes"))
            {
                var value = JsonRead.Obj(change, "value");
                var numberId = JsonRead.Str(JsonRead.Obj(value, "metadata"), "phone_number_id");
                var contacts = JsonRead.Array(value, "contacts").ToList();
                foreach (var message in JsonRead.Array(value, "messages"))
                    if (WhatsAppMessageParser.Parse(message, contacts, receivedAt) is { } e) events.Add(e with { BusinessNumberId = numberId });
                foreach (var status in JsonRead.Array(value, "statuses"))
                    if (ParseStatus(status, receivedAt) is { } e) events.Add(e with { BusinessNumberId = numberId });
            }
            return events;
        }
    }

    private static DeliveryReport? ParseStatus(JsonElement status, DateTimeOffset receivedAt)
    {
        var id = JsonRead.Str(status, "id");
        var raw = JsonRead.Str(status, "status");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(raw)) return null;

        var normalized = raw.ToLowerInvariant();
        var recipient = JsonRead.Str(status, "recipient_id");
        return new DeliveryReport
        {
            Provider = Providers.WhatsApp,
            Channel = ChannelNames.WhatsApp,
            EventId = id + ":" + normalized,
            MessageId = id,
            Status = normalized == "played" ? DeliveryStatusNames.Read : normalized,
            ErrorCode = JsonRead.Str(JsonRead.Array(status, "errors").FirstOrDefault(), "code"),
            // A message sent to a user id is reported with recipient_user_id and no recipient_id.
            Recipient = string.IsNullOrEmpty(recipient) ? JsonRead.Str(status, "recipient_user_id") : MobileNumber.ToDigits(recipient),
            Timestamp = JsonRead.UnixSeconds(JsonRead.Str(status, "timestamp")) ?? receivedAt,
        };
    }
}
