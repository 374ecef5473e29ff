using System.Data.Common;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// What delivery means for the business, decided by the host: an accepted invoice becomes SENT,
/// an invoice no channel could deliver becomes FAILED and the merchant is told. Called inside
/// the dispatcher's transaction.
/// </summary>
public interface IDeliveryEvents
{
    Task OnAcceptedAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct);

    Task OnUndeliverableAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct);
}
