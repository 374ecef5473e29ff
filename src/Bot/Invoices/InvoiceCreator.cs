using System.Data.Common;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// Creates an invoice and queues its messages in the caller's transaction: the customer's
/// invoice (with its pay button and SMS form) and the confirmation to whoever sent it. Either all of
/// it is committed or none. Every invoice, by chat or API, counts against the merchant's daily limit
/// (<c>Merchants:DailyInvoiceLimit</c> or the operator's override for the merchant).
/// </summary>
public sealed class InvoiceCreator(IOptions<InvoiceOptions> options, IOptions<MerchantsOptions> platform, InvoiceMessages messages,
    InvoiceDocumentMessages documents, TimeProvider clock)
{
    public async Task<InvoiceCreation> CreateAsync(DbConnection connection, DbTransaction transaction, Merchant merchant,
        NewInvoice request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limit = DailyLimit.Of(merchant.DailyInvoiceLimit, platform.Value.DailyInvoiceLimit);
        if (await InvoiceNumberAllocator.NextAsync(connection, transaction, merchant.Id, limit, now, ct) is not { } number)
            return new InvoiceCreation.OverDailyLimit(limit.Value!.Value, DailyLimit.ResetsAt(now));
        var items = request.Items ?? [];
        if (items.Count > 0 && items.Sum(i => i.AmountCents) != request.AmountCents)
            throw new ArgumentException("The amount must be the sum of the items", nameof(request));
        // What the customer pays: the amount charged, with VAT added on top when the merchant charges it exclusive.
        var totals = VatBreakdown.For(merchant.Vat, Money.FromCents(request.AmountCents));
        var customer = await CustomerRepository.UpsertAsync(connection, transaction, merchant.Id, request.Msisdn, request.CustomerName, now, ct);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7().ToString("N"),
            MerchantId = merchant.Id,
            CustomerId = customer.Id,
            Number = number,
            PaymentRef = merchant.Code is { } code ? PaymentRefs.For(code, number) : null,
            Msisdn = request.Msisdn,
            CustomerName = request.CustomerName ?? customer.Name,
            Description = request.Description,
            AmountCents = totals.Gross.Cents,
            Vat = totals.Mode,
            VatCents = totals.Vat.Cents,
            Status = InvoiceStatus.Pending,
            PayToken = SecureToken.New(),
            IdempotencyKey = request.IdempotencyKey,
            RequestHash = request.RequestHash,
            // What the customer's messages, receipts and pay page are written in from now on.
            Language = Language.FromCode(merchant.Language).Code,
            CreatedBy = request.CreatedBy,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddDays(options.Value.PayWindowDays),
        };
        await InvoiceRepository.InsertAsync(connection, transaction, invoice, ct);
        if (items.Count > 0) await InvoiceItemRepository.InsertAsync(connection, transaction, merchant.Id, invoice.Id, items, ct);
        await EventRepository.AddAsync(connection, transaction, EventTypes.InvoiceCreated, now, invoice.Id, status: invoice.Status.Value, ct: ct);

        await OutboxRepository.EnqueueAsync(connection, transaction, OutboxEntry.Due(invoice.Msisdn, OutboxPurpose.Invoice,
            await messages.InvoiceToCustomerAsync(connection, transaction, merchant, invoice, items, ct), $"invoice:{invoice.Id}", now, merchant.Id, invoice.Id), ct);
        if (await documents.ForInvoiceAsync(connection, transaction, merchant, invoice, now, ct) is { } pdf) await OutboxRepository.EnqueueAsync(connection, transaction, pdf, ct);
        // The confirmation goes to whoever sent it: the owner, or the staff member.
        var sender = request.CreatedBy ?? merchant.Phone;
        await OutboxRepository.EnqueueAsync(connection, transaction, OutboxEntry.Due(sender, OutboxPurpose.Reply,
            messages.InvoiceCreated(merchant, invoice, sender, bySms: request.ReplyChannel is not null, request.FromChat), $"invoice-created:{invoice.Id}",
            now, merchant.Id, invoice.Id, request.ReplyChannel), ct);
        return new InvoiceCreation.Created(invoice);
    }
}
