using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// Who a WhatsApp message goes to, as Meta and our conversation rows name them: a phone number's digits, or the
/// <see cref="WhatsAppUserId"/> of someone known only by it. Resolved once per send and handed to both the
/// 24-hour window and the client.
/// </summary>
public readonly record struct WhatsAppParticipant
{
    private WhatsAppParticipant(string value, bool isUserId, bool isAddressable) =>
        (Value, IsUserId, IsAddressable) = (value, isUserId, isAddressable);

    /// <summary>The digits of the number, or the user id as given.</summary>
    public string Value { get; }

    public bool IsUserId { get; }

    /// <summary>False when the recipient is neither a user id nor a plausible phone number: nothing can be sent to it.</summary>
    public bool IsAddressable { get; }

    public static WhatsAppParticipant Of(string recipient)
    {
        if (WhatsAppUserId.IsMatch(recipient)) return new(recipient, isUserId: true, isAddressable: true);
        var plausible = MobileNumber.TryPlausibleDigits(recipient, out var digits);
        return new(digits, isUserId: false, plausible);
    }
}
