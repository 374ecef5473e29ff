using System.Text.Json.Serialization;
using InvoiceFirst.Data.Payments;

namespace InvoiceFirst.Data.Inbox;

/// <summary>
/// One event received from a provider, parsed once at the endpoint that received it: what the inbox stores
/// (as typed JSON) and the workers hand to the one handler of its type. Provider wire types never leave their
/// own project; these are the normalized forms.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(ChatEvent), "chat")]
[JsonDerivedType(typeof(DeliveryReport), "delivery")]
[JsonDerivedType(typeof(StkCallbackReceived), "stk_callback")]
[JsonDerivedType(typeof(C2bConfirmationReceived), "c2b_confirmation")]
[JsonDerivedType(typeof(TxStatusResultReceived), "tx_status_result")]
public abstract record InboundEvent
{
    private protected InboundEvent() { }

    /// <summary>Who delivered it: <see cref="Providers"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's own id for the event; unique per provider (the dedupe key).</summary>
    public required string EventId { get; init; }

    [JsonIgnore]
    public abstract InboundKind Kind { get; }

    /// <summary>When the provider says the event happened: data only, never trusted for "how long ago".</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>When the inbox stored it, by our clock (set when the event is handled): the 24-hour window counts from it.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

/// <summary>What a person did in a chat: wrote, tapped a button, sent something we do not read, or reacted.</summary>
public sealed record ChatEvent : InboundEvent
{
    /// <summary><see cref="InboundKind.Text"/>, <see cref="InboundKind.Button"/>, <see cref="InboundKind.Unsupported"/> or <see cref="InboundKind.Notification"/>.</summary>
    public required InboundKind ChatKind { get; init; }

    [JsonIgnore]
    public override InboundKind Kind => ChatKind;

    /// <summary>Channel the person used: <c>whatsapp</c> or <c>sms</c>.</summary>
    public string Channel { get; init; } = Channels.WhatsApp;

    /// <summary>
    /// Sender as 12 digits (<c>2547XXXXXXXX</c>); for a WhatsApp user known only by a business-scoped user id
    /// (usernames), that id (<c>US.13491208655302741918</c>).
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

    /// <summary>
    /// Set by the router, never stored: the merchant whose own WhatsApp number <see cref="BusinessNumberId"/> is. Null on the
    /// shared number. On a merchant's number only that merchant's people act for a business, and only its invoices are paid.
    /// </summary>
    [JsonIgnore]
    public long? OwnNumberMerchantId { get; init; }
}

/// <summary>A provider's word on a message we sent: sent, delivered, read or failed.</summary>
public sealed record DeliveryReport : InboundEvent
{
    [JsonIgnore]
    public override InboundKind Kind => InboundKind.Status;

    public string Channel { get; init; } = Channels.WhatsApp;

    /// <summary>The provider message id the report is about.</summary>
    public required string MessageId { get; init; }

    /// <summary>Normalized <see cref="DeliveryStatus"/> name (lowercase), or the provider's own word when it is none of them.</summary>
    public required string Status { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>Who the message went to, when the provider says (digits, or a WhatsApp user id).</summary>
    public string? Recipient { get; init; }

    /// <summary>WhatsApp: the business phone number id the report came for.</summary>
    public string? BusinessNumberId { get; init; }
}

/// <summary>Something Daraja posted about money: kept as received beside what was read from it.</summary>
public abstract record PaymentCallback : InboundEvent
{
    private protected PaymentCallback() { }

    /// <summary>The body as received, kept with the payment (and for review when unreadable).</summary>
    public required string Raw { get; init; }
}

/// <summary>An STK push result posted to a payment's callback URL, read once.</summary>
public sealed record StkCallbackReceived : PaymentCallback
{
    [JsonIgnore]
    public override InboundKind Kind => InboundKind.StkCallback;

    /// <summary>The token in the callback URL: which payment it claims to be about.</summary>
    public required string Token { get; init; }

    public required StkCallbackParseResult Parsed { get; init; }
}

/// <summary>A Paybill/Till confirmation posted to the tokenized confirmation URL, read once.</summary>
public sealed record C2bConfirmationReceived : PaymentCallback
{
    [JsonIgnore]
    public override InboundKind Kind => InboundKind.C2bConfirmation;

    public required C2bParseResult Parsed { get; init; }
}

/// <summary>An answer to one Transaction Status query, posted to that query's own result URL.</summary>
public sealed record TxStatusResultReceived : PaymentCallback
{
    [JsonIgnore]
    public override InboundKind Kind => InboundKind.TxStatusResult;

    /// <summary>The query's token (from the result URL): which confirmation it answers.</summary>
    public required string Token { get; init; }

    /// <summary>Null when the body is not a Transaction Status result.</summary>
    public TransactionStatusResult? Result { get; init; }
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
