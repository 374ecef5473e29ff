using System.Text.Json;
using InvoiceFirst.Data.Inbox;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// One item of <c>value.messages[]</c> → one event. Every type Meta sends has a deliberate kind:
/// text, the caption of a photo, video or document, and taps are read; an edit of either is the new text; reactions, deleted messages,
/// system notices and a first chat opening ask for no answer; anything else is unsupported.
/// </summary>
internal static class WhatsAppMessageParser
{
    public static ChatEvent? Parse(JsonElement message, IReadOnlyList<JsonElement> contacts, DateTimeOffset receivedAt)
    {
        // Without an id there is nothing to deduplicate on, so the item cannot be stored safely.
        var id = JsonRead.Str(message, "id");
        if (string.IsNullOrEmpty(id)) return null;

        var type = JsonRead.Str(message, "type");
        var e = new ChatEvent
        {
            Provider = Providers.WhatsApp,
            Channel = ChannelNames.WhatsApp,
            EventId = id,
            ChatKind = InboundKind.Unsupported,
            From = WhatsAppSenderId.Resolve(message, contacts),
            Timestamp = JsonRead.UnixSeconds(JsonRead.Str(message, "timestamp")) ?? receivedAt,
        };

        switch (type)
        {
            case "text":
                // A click-to-chat ad adds a referral block: the text is what the person wrote.
                return e with { ChatKind = InboundKind.Text, Text = JsonRead.Str(JsonRead.Obj(message, "text"), "body") ?? "" };
            case "button":
                var button = JsonRead.Obj(message, "button");
                return e with { ChatKind = InboundKind.Button, ButtonId = JsonRead.Str(button, "payload"), Text = JsonRead.Str(button, "text") };
            case "interactive":
                return Interactive(e, JsonRead.Obj(message, "interactive"));
            case "edit":
                return Edit(e, JsonRead.Obj(message, "edit"));
            case "system":
                return Notification(e, "system:" + (JsonRead.Str(JsonRead.Obj(message, "system"), "type") ?? "unknown"));
            case "reaction" or "revoke" or "request_welcome":
                return Notification(e, type);
            case "image" or "video" or "document" when Caption(message, type) is { } caption:
                // The words written under a photo are a message like any other; the file itself is not read.
                return e with { ChatKind = InboundKind.Text, Text = caption };
            default:
                return e with { UnsupportedType = string.IsNullOrEmpty(type) ? "unknown" : type };
        }
    }

    private static ChatEvent Interactive(ChatEvent e, JsonElement? interactive)
    {
        var replyType = JsonRead.Str(interactive, "type");
        var reply = replyType is "button_reply" or "list_reply" ? JsonRead.Obj(interactive, replyType) : null;
        if (reply is null) return e with { UnsupportedType = "interactive:" + (replyType ?? "unknown") };
        return e with { ChatKind = InboundKind.Button, ButtonId = JsonRead.Str(reply, "id"), Text = JsonRead.Str(reply, "title") };
    }

    private static ChatEvent Edit(ChatEvent e, JsonElement? edit)
    {
        var edited = JsonRead.Obj(edit, "message");
        var editedType = JsonRead.Str(edited, "type");
        // Text and captions are read, so an edited caption is the new text too; other edits change nothing we acted on.
        var text = editedType == "text" ? JsonRead.Str(JsonRead.Obj(edited, "text"), "body") ?? ""
            : editedType is "image" or "video" or "document" && edited is { } media ? Caption(media, editedType) : null;
        if (text is null) return Notification(e, "edit:" + (editedType ?? "unknown"));
        return e with
        {
            ChatKind = InboundKind.Text,
            Text = text,
            EditOf = JsonRead.Str(edit, "original_message_id") is { Length: > 0 } original ? original : null,
        };
    }

    private static string? Caption(JsonElement message, string type) =>
        JsonRead.Str(JsonRead.Obj(message, type), "caption") is { } caption && !string.IsNullOrWhiteSpace(caption) ? caption : null;

    private static ChatEvent Notification(ChatEvent e, string type) =>
        e with { ChatKind = InboundKind.Notification, UnsupportedType = type };
}
