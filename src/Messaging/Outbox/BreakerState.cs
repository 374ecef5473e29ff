namespace InvoiceFirst.Messaging.Outbox;

public enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}
