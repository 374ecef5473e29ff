namespace InvoiceFirst.Data.Inbox;

/// <summary>
/// One normalized event received from a provider webhook. Provider wire types never leave
/// their own project; this is what the inbox stores and the workers handle.
/// </summary>
public sealed record InboundEvent
{
    /// <summary>Who delivered it: <see cref="Providers"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's own id for the event; unique per provider (the dedupe key).</summary>
    public required string EventId { get; init; }

    public required InboundKind Kind { get; init; }

    /// <summary>Channel the person used: <c>whatsapp</c> or <c>sms</c>.</summary>
    public string Channel { get; init; } = Channels.WhatsApp;

    /// <summary>
    /// Sender as 12 digits (<c>2547XXXXXXXX</c>), when the event comes from a person; for a WhatsApp user
    /// known only by a business-scoped user id (usernames), that id (<c>US.13491208655302741918</c>).
    /// </summary>
    public string? From { get; init; }

    public string? Text { get; init; }

    /// <summary>Machine id of the tapped button (interactive reply id or template payload).</summary>
    public string? ButtonId { get; init; }

    /// <summary>For <see cref="InboundKind.Unsupported"/> and <see cref="InboundKind.Notification"/>: the provider's type (image, reaction…), for logs.</summary>
    public string? UnsupportedType { get; init; }

    /// <summary>For an edited message: the provider id of the message it replaces.</summary>
    public string? EditOf { get; init; }

    /// <summary>WhatsApp: the business phone number id the event was addressed to (<c>metadata.phone_number_id</c>).</summary>
    public string? BusinessNumberId { get; init; }

    /// <summary>For statuses: the provider message id the status is about.</summary>
    public string? MessageId { get; init; }

    /// <summary>For statuses: normalized <see cref="DeliveryStatus"/> name.</summary>
    public string? Status { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>Provider-specific raw body, kept for callbacks that need it later (STK results).</summary>
    public string? Raw { get; init; }

    /// <summary>When the provider says the event happened: data only, never trusted for "how long ago".</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>When the inbox stored it, by our clock (set when the event is handled): the 24-hour window counts from it.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

public enum InboundKind
{
    Text,
    Button,
    Unsupported,
    Status,
    StkCallback,
    C2bConfirmation,
    TxStatusResult,

    // Stored payloads carry kinds as numbers: new kinds go last.

    /// <summary>Something happened in a chat that asks for no answer: a reaction, a deleted message, a number or identity change.</summary>
    Notification,
}

public static class Providers
{
    public const string WhatsApp = "whatsapp";
    public const string AfricasTalking = "africastalking";
    public const string Twilio = "twilio";
    public const string Mpesa = "mpesa";
    public const string Sandbox = "sandbox";
}

public static class Channels
{
    public const string WhatsApp = "whatsapp";
    public const string Sms = "sms";
}

/// <summary>Delivery statuses, ordered: a later one never moves back to an earlier one.</summary>
public enum DeliveryStatus
{
    Queued = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 4,
}
