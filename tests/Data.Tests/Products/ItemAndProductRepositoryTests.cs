using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Products;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Products;

/// <summary>Invoice lines, saved items and the VAT columns on both dialects, each scoped to one merchant.</summary>
public sealed class ItemAndProductRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Products_SameNameAnyCase_IsOneItemPerMerchant(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "products");
        var (acme, other) = await MerchantsAsync(db);

        var (acmes, others, removed, missing) = await db.InTransactionAsync(async (c, t) =>
        {
            await ProductRepository.UpsertAsync(c, t, acme, "Cement", 70_000, Now, default);
            await ProductRepository.UpsertAsync(c, t, acme, "CEMENT", 75_000, Now, default);
            await ProductRepository.UpsertAsync(c, t, acme, "Sand", 30_000, Now, default);
            await ProductRepository.UpsertAsync(c, t, other, "cement", 99_900, Now, default);
            var removed = await ProductRepository.RemoveAsync(c, t, acme, "sand", default);
            var missing = await ProductRepository.RemoveAsync(c, t, other, "sand", default);
            return (await ProductRepository.ListAsync(c, t, acme, default), await ProductRepository.ListAsync(c, t, other, default), removed, missing);
        }, default);

        Assert.Equal([("CEMENT", 75_000L)], acmes.Select(p => (p.Name, p.UnitAmountCents)));
        Assert.Equal([("cement", 99_900L)], others.Select(p => (p.Name, p.UnitAmountCents)));
        Assert.Equal("Sand", removed?.Name);
        Assert.Null(missing);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task InvoiceItems_ReadBackInOrder_OnlyForTheirMerchant_WithTheVatOfTheInvoice(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "items");
        var (acme, other) = await MerchantsAsync(db);
        IReadOnlyList<InvoiceItem> lines =
            [InvoiceItem.Of(1, "Cement", 2, Money.FromShillings(750)), InvoiceItem.Of(2, "Delivery", 1, Money.FromShillings(300))];

        var (mine, theirs, invoice) = await db.InTransactionAsync(async (c, t) =>
        {
            var customer = await CustomerRepository.UpsertAsync(c, t, acme, "254712345678", null, Now, default);
            await InvoiceRepository.InsertAsync(c, t, new Invoice
            {
                Id = "inv_items", MerchantId = acme, CustomerId = customer.Id, Number = "INV-0001", Msisdn = customer.Msisdn,
                Description = "Cement x2, Delivery", AmountCents = 180_000, Status = InvoiceStatus.Pending, PayToken = "tok_items",
                Vat = VatMode.Inclusive, VatCents = 24_800, CreatedAt = Now, UpdatedAt = Now, ExpiresAt = Now.AddDays(7),
            }, default);
            await InvoiceItemRepository.InsertAsync(c, t, acme, "inv_items", lines, default);
            return (await InvoiceItemRepository.ListAsync(c, t, acme, "inv_items", default),
                await InvoiceItemRepository.ListAsync(c, t, other, "inv_items", default),
                await InvoiceRepository.GetByNumberAsync(c, t, acme, "INV-0001", default));
        }, default);

        Assert.Equal(lines, mine);
        Assert.Empty(theirs);
        Assert.Equal(VatMode.Inclusive, invoice!.Vat);
        Assert.Equal((155_200L, 24_800L, 180_000L), (invoice.VatBreakdown.Net.Cents, invoice.VatBreakdown.Vat.Cents, invoice.VatBreakdown.Gross.Cents));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task SetVatAsync_ReadsBackOnTheMerchant(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "vat");
        var (acme, other) = await MerchantsAsync(db);

        await db.InTransactionAsync((c, t) => MerchantRepository.SetVatAsync(c, t, acme, VatMode.Exclusive, Now, default), default);

        var merchants = new MerchantRepository(db);
        Assert.Equal(VatMode.Exclusive, (await merchants.GetAsync(acme, default))!.Vat);
        Assert.Equal(VatMode.None, (await merchants.GetAsync(other, default))!.Vat);
    }

    private static async Task<(long Acme, long Other)> MerchantsAsync(Db db)
    {
        var merchants = new MerchantRepository(db);
        var acme = await merchants.UpsertAsync("254700000001", "Acme", Now, default);
        var other = await merchants.UpsertAsync("254700000002", "Other", Now, default);
        return (acme.Id, other.Id);
    }
}
