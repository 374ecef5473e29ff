using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Wakes the dispatcher as soon as a transaction that queued messages commits.</summary>
public sealed class OutboxSignal : WorkSignal;
