using System.Data.Common;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Used when no host registers what delivery means for the business.</summary>
internal sealed class NoDeliveryEvents : IDeliveryEvents
{
    public Task OnAcceptedAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct) => Task.CompletedTask;

    public Task OnUndeliverableAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct) => Task.CompletedTask;
}
