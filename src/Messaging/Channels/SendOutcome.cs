namespace InvoiceFirst.Messaging.Channels;

/// <summary>What a provider did with one send attempt, as far as the dispatcher needs to know.</summary>
public enum SendOutcome
{
    /// <summary>The provider accepted the message (acceptance is not delivery).</summary>
    Accepted,

    /// <summary>Not processed; safe to try the same provider again later.</summary>
    RetryLater,

    /// <summary>This channel cannot reach this person: fall back to another channel.</summary>
    Unreachable,

    /// <summary>Our configuration or request is broken: fall back and alert an operator.</summary>
    ConfigurationError,

    /// <summary>The request left but no answer came back: it may have been sent. Never blindly resend on the same provider.</summary>
    Unknown,
}
