using InvoiceFirst.Data.Domain;
using System.Text.Json;
using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// Who wrote a message: the phone number when Meta shares it (<c>from</c>, or the matching contact's
/// <c>wa_id</c>), else the business-scoped user id of someone known only by a username.
/// </summary>
internal static class WhatsAppSenderId
{
    public static string? Resolve(JsonElement message, IReadOnlyList<JsonElement> contacts)
    {
        var from = JsonRead.Str(message, "from");
        if (WhatsAppUserId.IsMatch(from)) return from;
        if (MobileNumber.ToDigits(from) is { Length: > 0 } digits) return digits;

        var userId = JsonRead.Str(message, "from_user_id") ?? JsonRead.Str(message, "user_id");
        var contact = FindContact(contacts, userId);
        userId ??= JsonRead.Str(contact, "user_id");
        var phone = JsonRead.Str(contact, "wa_id");
        if (MobileNumber.IsPlausible(phone)) return MobileNumber.ToDigits(phone);
        return WhatsAppUserId.IsMatch(userId) ? userId : null;
    }

    // A webhook about one person carries one contact; with several, only the one naming this user id will do.
    private static JsonElement? FindContact(IReadOnlyList<JsonElement> contacts, string? userId)
    {
        if (userId is null) return contacts.Count == 1 ? contacts[0] : null;
        foreach (var contact in contacts)
            if (JsonRead.Str(contact, "user_id") == userId) return contact;
        return null;
    }
}
