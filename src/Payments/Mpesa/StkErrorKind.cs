namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Why Daraja refused an STK push, normalized so the caller can pick what to tell the customer.</summary>
public enum StkErrorKind
{
    /// <summary>Not a known error: do not retry automatically.</summary>
    Unknown,

    /// <summary>Bad input such as an invalid phone number or amount: tell the customer, do not retry.</summary>
    InvalidRequest,

    /// <summary>Another prompt is open on the phone: try again in a minute.</summary>
    SubscriberBusy,

    /// <summary>Daraja overloaded (spike arrest, quota, internal error): service busy, try later.</summary>
    ServiceBusy,

    /// <summary>Our shortcode, credentials, URLs or transaction type are wrong: page the operator.</summary>
    Configuration,
}
