using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// WhatsApp webhook bodies shaped like Meta's (spec 1.5–1.7). The default serializer escapes
/// non-ASCII as <c>\uXXXX</c>, as Meta does, so signatures over these bytes behave like real ones.
/// </summary>
public static class WebhookBuilders
{
    public const string PhoneNumberId = "106540352242922";

    public static JsonObject TextMessage(string from, string body, string? id = null, long? timestamp = null) =>
        Message(from, id, timestamp, "text", new JsonObject { ["body"] = body });

    public static JsonObject ButtonReply(string from, string buttonId, string title, string? id = null, long? timestamp = null)
    {
        var m = Message(from, id, timestamp, "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = buttonId, ["title"] = title },
        });
        m["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.context" };
        return m;
    }

    public static JsonObject TemplateButton(string from, string payload, string text, string? id = null, long? timestamp = null)
    {
        var m = Message(from, id, timestamp, "button", new JsonObject { ["payload"] = payload, ["text"] = text });
        m["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.context" };
        return m;
    }

    public static JsonObject Status(string messageId, string status, string recipientId, int? errorCode = null, long? timestamp = null)
    {
        var s = new JsonObject
        {
            ["id"] = messageId,
            ["status"] = status,
            ["timestamp"] = Unix(timestamp),
            ["recipient_id"] = recipientId,
        };
        if (errorCode is { } code)
        {
            s["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = "scripted",
                ["message"] = "scripted",
                ["error_data"] = new JsonObject { ["details"] = "scripted" },
            });
        }
        return s;
    }

    /// <summary>One entry with one change holding the given messages and statuses.</summary>
    /// <param name="phoneNumberId">The business number it is addressed to; default the shared <see cref="PhoneNumberId"/>.</param>
    public static string Envelope(IEnumerable<JsonObject>? messages = null, IEnumerable<JsonObject>? statuses = null, string? phoneNumberId = null)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId ?? PhoneNumberId },
        };
        var messageList = messages?.ToList() ?? [];
        if (messageList.Count > 0)
        {
            value["contacts"] = new JsonArray(messageList
                .Select(m => (JsonNode)new JsonObject { ["profile"] = new JsonObject { ["name"] = "Test User" }, ["wa_id"] = m["from"]?.GetValue<string>() })
                .ToArray());
            value["messages"] = new JsonArray(messageList.Cast<JsonNode>().ToArray());
        }
        if (statuses is not null) value["statuses"] = new JsonArray(statuses.Cast<JsonNode>().ToArray());

        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        }.ToJsonString();
    }

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Unix seconds as Meta writes them; by default now, as for a message just sent.</summary>
    private static string Unix(long? timestamp) =>
        (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Message(string from, string? id, long? timestamp, string type, JsonObject content) => new()
    {
        ["from"] = from,
        ["id"] = id ?? "wamid." + Guid.NewGuid().ToString("N"),
        ["timestamp"] = Unix(timestamp),
        ["type"] = type,
        [type] = content,
    };
}
