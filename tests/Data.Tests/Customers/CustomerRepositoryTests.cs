using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Customers;

/// <summary>The address book and the chat's invoice look-ups, on both dialects, each scoped to one merchant.</summary>
public sealed class CustomerRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task FindByNameAsync_PrefixAnyCase_ExactFirstOnlyThisMerchantsAndWildcardsLiteral(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "custfind");
        var (acme, other) = await MerchantsAsync(db);
        await db.InTransactionAsync(async (c, t) =>
        {
            await CustomerRepository.UpsertAsync(c, t, acme, "254712345678", "Jane Wanjiru", Now, default);
            await CustomerRepository.UpsertAsync(c, t, acme, "254722000111", "Jane", Now, default);
            await CustomerRepository.UpsertAsync(c, t, acme, "254733000222", "Otieno", Now, default);
            await CustomerRepository.UpsertAsync(c, t, acme, "254744000333", "Shop_50% Ltd", Now, default);
            await CustomerRepository.UpsertAsync(c, t, other, "254755000444", "Jane Other", Now, default);
        }, default);

        var jane = await db.InTransactionAsync((c, t) => CustomerRepository.FindByNameAsync(c, t, acme, "JANE", 10, default), default);
        var wildcard = await db.InTransactionAsync((c, t) => CustomerRepository.FindByNameAsync(c, t, acme, "Shop%", 10, default), default);
        var underscore = await db.InTransactionAsync((c, t) => CustomerRepository.FindByNameAsync(c, t, acme, "shop_", 10, default), default);
        var otherMerchants = await db.InTransactionAsync((c, t) => CustomerRepository.FindByNameAsync(c, t, other, "jane w", 10, default), default);

        Assert.Equal(["Jane", "Jane Wanjiru"], jane.Select(j => j.Name));
        Assert.Empty(wildcard);
        Assert.Equal(["Shop_50% Ltd"], underscore.Select(u => u.Name));
        Assert.Empty(otherMerchants);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task UpsertAsync_SecondName_KeepsTheSavedOneButFillsAMissingOne(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "custkeep");
        var (acme, _) = await MerchantsAsync(db);

        var (kept, filled) = await db.InTransactionAsync(async (c, t) =>
        {
            await CustomerRepository.UpsertAsync(c, t, acme, "254712345678", "John Kamau", Now, default);
            var kept = await CustomerRepository.UpsertAsync(c, t, acme, "254712345678", "Jane", Now, default);
            await CustomerRepository.UpsertAsync(c, t, acme, "254722000111", null, Now, default);
            var filled = await CustomerRepository.UpsertAsync(c, t, acme, "254722000111", "Otieno", Now, default);
            return (kept, filled);
        }, default);

        Assert.Equal("John Kamau", kept.Name);
        Assert.Equal("Otieno", filled.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ListAsync_Pages_CountsAndOrdersThisMerchantsByNameThenUnnamed(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "custlist");
        var (acme, other) = await MerchantsAsync(db);
        await db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 12; i >= 1; i--)
                await CustomerRepository.UpsertAsync(c, t, acme, $"2547120000{i:D2}", $"Customer {i:D2}", Now, default);
            await CustomerRepository.UpsertAsync(c, t, acme, "254799999999", null, Now, default);
            await CustomerRepository.UpsertAsync(c, t, other, "254755000444", "Aaron Other", Now, default);
        }, default);

        var (count, second) = await db.InTransactionAsync(async (c, t) =>
            (await CustomerRepository.CountAsync(c, t, acme, default), await CustomerRepository.ListAsync(c, t, acme, 10, 10, default)), default);

        Assert.Equal(13, count);
        Assert.Equal(["Customer 11", "Customer 12", null], second.Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task FindRecentSameAsync_SameCustomerAmountAndDescription_OnlyWithinTheWindowNotCancelledAndThisMerchant(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "dupfind");
        var (acme, other) = await MerchantsAsync(db);
        await InvoiceAsync(db, acme, "INV-0001", "Website design", Now.AddMinutes(-30), InvoiceStatus.Sent);
        await InvoiceAsync(db, acme, "INV-0002", "Website design", Now.AddMinutes(-3), InvoiceStatus.Cancelled);
        await InvoiceAsync(db, other, "INV-0001", "Website design", Now.AddMinutes(-2), InvoiceStatus.Sent);

        var none = await db.InTransactionAsync((c, t) =>
            InvoiceRepository.FindRecentSameAsync(c, t, acme, "254712345678", 150_000, "website DESIGN", Now.AddMinutes(-10), default), default);
        await InvoiceAsync(db, acme, "INV-0003", "Website design", Now.AddMinutes(-2), InvoiceStatus.Sent);
        var found = await db.InTransactionAsync((c, t) =>
            InvoiceRepository.FindRecentSameAsync(c, t, acme, "254712345678", 150_000, "website DESIGN ", Now.AddMinutes(-10), default), default);
        var otherAmount = await db.InTransactionAsync((c, t) =>
            InvoiceRepository.FindRecentSameAsync(c, t, acme, "254712345678", 160_000, "Website design", Now.AddMinutes(-10), default), default);

        Assert.Null(none);
        Assert.Equal(("INV-0003", acme), (found?.Number, found?.MerchantId));
        Assert.Null(otherAmount);
    }

    private static async Task<(long Acme, long Other)> MerchantsAsync(Db db)
    {
        var merchants = new MerchantRepository(db);
        var acme = await merchants.UpsertAsync("254700000001", "Acme", Now, default);
        var other = await merchants.UpsertAsync("254700000002", "Other", Now, default);
        return (acme.Id, other.Id);
    }

    private static Task InvoiceAsync(Db db, long merchantId, string number, string description, DateTimeOffset createdAt, InvoiceStatus status) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var customer = await CustomerRepository.UpsertAsync(c, t, merchantId, "254712345678", null, Now, default);
            await InvoiceRepository.InsertAsync(c, t, new Invoice
            {
                Id = $"inv_{merchantId}_{number}", MerchantId = merchantId, CustomerId = customer.Id, Number = number, Msisdn = customer.Msisdn,
                Description = description, AmountCents = 150_000, Status = status, PayToken = $"tok_{merchantId}_{number}",
                CreatedAt = createdAt, UpdatedAt = createdAt, ExpiresAt = createdAt.AddDays(7),
            }, default);
        }, default);
}
