namespace InvoiceFirst.Data.Payments;

/// <summary>Why an STK payment did not go through, normalized from Daraja ResultCodes.</summary>
public enum PaymentFailureKind
{
    Unknown,
    Cancelled,
    NoAnswer,
    WrongPin,
    InsufficientFunds,
    Expired,
    LimitExceeded,
    RepeatTooSoon,
    PinLocked,
    SubscriberBusy,
    Transient,
    Configuration,
    Pending,
}
