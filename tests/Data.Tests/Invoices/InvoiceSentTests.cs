using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Invoices;

/// <summary>A group of accepted sends marks its invoices SENT and records one event per invoice that changed.</summary>
public sealed class InvoiceSentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task MarkSent_GroupWithAPaidInvoiceAndARepeat_EachPendingInvoiceSentOnceWithOneEventOfItsMerchant(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "invsent");
        var acme = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", Now, default);
        var duka = await new MerchantRepository(db).UpsertAsync("254700000002", "Duka", Now, default);
        var first = await SeedAsync(db, acme.Id, "INV-0001", InvoiceStatus.Pending);
        var failed = await SeedAsync(db, duka.Id, "INV-0001", InvoiceStatus.Failed);
        var paid = await SeedAsync(db, acme.Id, "INV-0002", InvoiceStatus.Paid);
        var invoices = new InvoiceRepository(db);
        var events = new EventRepository(db);

        var changed = await db.InTransactionAsync(async (c, t) =>
        {
            var sent = await invoices.MarkSentAsync(c, t, [first, failed, paid, first], Now, default);
            await events.AddForInvoicesAsync(c, t, EventTypes.InvoiceSent, Now, [.. sent.Select((id, i) => (id, 100L + i))], InvoiceStatus.Sent.Value, default);
            return sent;
        }, default);

        Assert.Equal(new[] { first, failed }.Order(), changed.Order());
        Assert.Equal(InvoiceStatus.Sent, (await invoices.GetAsync(first, default))!.Status);
        Assert.Equal(InvoiceStatus.Sent, (await invoices.GetAsync(failed, default))!.Status);
        Assert.Equal(InvoiceStatus.Paid, (await invoices.GetAsync(paid, default))!.Status);
        var recorded = await events.ListAfterAsync(0, 100, null, default);
        Assert.Equal([(first, acme.Id), (failed, duka.Id)],
            recorded.Where(e => e.Type == EventTypes.InvoiceSent).Select(e => (e.InvoiceId!, e.MerchantId!.Value)).OrderBy(e => e.Item2));
        Assert.Empty(await db.InTransactionAsync((c, t) => invoices.MarkSentAsync(c, t, [first], Now, default), default));
    }

    private static Task<string> SeedAsync(Db db, long merchantId, string number, InvoiceStatus status) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var customer = await CustomerRepository.UpsertAsync(c, t, merchantId, "254712345678", "Wanjiku", Now, default);
            var invoice = new Invoice
            {
                Id = $"inv_{merchantId}_{number}", MerchantId = merchantId, CustomerId = customer.Id, Number = number, Msisdn = customer.Msisdn,
                Description = "Design", AmountCents = 150_000, Status = status, PayToken = $"tok_{merchantId}_{number}",
                CreatedAt = Now, UpdatedAt = Now, ExpiresAt = Now.AddDays(7),
            };
            await InvoiceRepository.InsertAsync(c, t, invoice, default);
            return invoice.Id;
        }, default);
}
