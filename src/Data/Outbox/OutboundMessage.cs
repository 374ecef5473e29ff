namespace InvoiceFirst.Data.Outbox;

/// <summary>
/// What the bot wants a person to see, in every form a channel may need: the free-form
/// WhatsApp text (with optional reply buttons), an approved template for business-initiated
/// messages outside the 24-hour window, and a plain SMS text for the SMS channels.
/// </summary>
public sealed record OutboundMessage
{
    /// <summary>WhatsApp text or interactive body (at most 1024 characters with buttons).</summary>
    public required string Text { get; init; }

    /// <summary>At most 3 reply buttons; titles of at most 20 characters.</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    public string? Header { get; init; }

    public string? Footer { get; init; }

    /// <summary>The template form, used when the recipient's 24-hour window is closed.</summary>
    public TemplateMessage? Template { get; init; }

    /// <summary>The SMS form (one or two segments). Null: the message is not sent by SMS.</summary>
    public string? SmsText { get; init; }

    /// <summary>A PDF rendered when it is sent and sent as a WhatsApp document with <see cref="Text"/> as its caption; the text alone if it cannot be.</summary>
    public DocumentAttachment? Document { get; init; }
}

/// <summary>Which PDF of which invoice: <see cref="Kind"/> is <c>invoice</c> or <c>receipt</c>.</summary>
public sealed record DocumentAttachment(string Kind, string InvoiceId, string FileName);

public sealed record ReplyButton(string Id, string Title);

/// <summary>An approved WhatsApp template: body parameters in order, and the quick-reply payload.</summary>
public sealed record TemplateMessage(
    string Name,
    string Language,
    IReadOnlyList<string> BodyParameters,
    string? QuickReplyPayload = null);
