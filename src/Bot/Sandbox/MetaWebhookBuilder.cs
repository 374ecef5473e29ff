using System.Globalization;
using System.Text.Json.Nodes;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>Builds webhook bodies shaped like Meta's Cloud API, for what a sandbox phone "sends".</summary>
public static class MetaWebhookBuilder
{
    /// <param name="phoneNumberId">The bot's own (<c>WhatsApp:PhoneNumberId</c>), else events would be for another number.</param>
    public static string Text(string from, string body, DateTimeOffset at, string phoneNumberId) =>
        Envelope(Message(from, at, "text", new JsonObject { ["body"] = body }), phoneNumberId);

    public static string ButtonReply(string from, string buttonId, string title, DateTimeOffset at, string phoneNumberId) =>
        Envelope(Message(from, at, "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = buttonId, ["title"] = title },
        }), phoneNumberId);

    private static JsonObject Message(string from, DateTimeOffset at, string type, JsonObject content) => new()
    {
        ["from"] = from,
        ["id"] = "wamid.sandbox." + Guid.NewGuid().ToString("N"),
        ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["type"] = type,
        [type] = content,
    };

    private static string Envelope(JsonObject message, string phoneNumberId) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "sandbox-waba",
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "254700000000", ["phone_number_id"] = phoneNumberId },
                    ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Sandbox" }, ["wa_id"] = message["from"]!.GetValue<string>() }),
                    ["messages"] = new JsonArray(message),
                },
            }),
        }),
    }.ToJsonString();
}
