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
                foreach (var message in JsonRead.Array(value, "messages"))
                    if (ParseMessage(message, receivedAt) is { } e) events.Add(e);
                foreach (var status in JsonRead.Array(value, "statuses"))
                    if (ParseStatus(status, receivedAt) is { } e) events.Add(e);
            }
            return events;
        }
    }

    private static InboundEvent? ParseMessage(JsonElement message, DateTimeOffset receivedAt)
    {
        // Without an id there is nothing to deduplicate on, so the item cannot be stored safely.
        var id = JsonRead.Str(message, "id");
        if (string.IsNullOrEmpty(id)) return null;

        var type = JsonRead.Str(message, "type");
        var from = JsonRead.Str(message, "from");
        var e = new InboundEvent
        {
            Provider = Providers.WhatsApp,
            Channel = ChannelNames.WhatsApp,
            EventId = id,
            Kind = InboundKind.Unsupported,
            From = string.IsNullOrEmpty(from) ? null : Msisdn.ToDigits(from),
            Timestamp = JsonRead.UnixSeconds(JsonRead.Str(message, "timestamp")) ?? receivedAt,
        };

        switch (type)
        {
            case "text":
                return e with { Kind = InboundKind.Text, Text = JsonRead.Str(JsonRead.Obj(message, "text"), "body") ?? "" };
            case "button":
                var button = JsonRead.Obj(message, "button");
                return e with
                {
                    Kind = InboundKind.Button,
                    ButtonId = JsonRead.Str(button, "payload"),
                    Text = JsonRead.Str(button, "text"),
                };
            case "interactive":
                var interactive = JsonRead.Obj(message, "interactive");
                var replyType = JsonRead.Str(interactive, "type");
                var reply = replyType is "button_reply" or "list_reply" ? JsonRead.Obj(interactive!.Value, replyType) : null;
                if (reply is null) return e with { UnsupportedType = "interactive:" + (replyType ?? "unknown") };
                return e with
                {
                    Kind = InboundKind.Button,
                    ButtonId = JsonRead.Str(reply, "id"),
                    Text = JsonRead.Str(reply, "title"),
                };
            default:
                return e with { UnsupportedType = string.IsNullOrEmpty(type) ? "unknown" : type };
        }
    }

    private static InboundEvent? ParseStatus(JsonElement status, DateTimeOffset receivedAt)
    {
        var id = JsonRead.Str(status, "id");
        var raw = JsonRead.Str(status, "status");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(raw)) return null;

        var normalized = raw.ToLowerInvariant();
        var recipient = JsonRead.Str(status, "recipient_id");
        return new InboundEvent
        {
            Provider = Providers.WhatsApp,
            Channel = ChannelNames.WhatsApp,
            EventId = id + ":" + normalized,
            Kind = InboundKind.Status,
            MessageId = id,
            Status = normalized == "played" ? DeliveryStatusNames.Read : normalized,
            ErrorCode = JsonRead.Str(JsonRead.Array(status, "errors").FirstOrDefault(), "code"),
            From = string.IsNullOrEmpty(recipient) ? null : Msisdn.ToDigits(recipient),
            Timestamp = JsonRead.UnixSeconds(JsonRead.Str(status, "timestamp")) ?? receivedAt,
        };
    }
}
