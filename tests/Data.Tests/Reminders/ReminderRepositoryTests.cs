using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Reminders;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Reminders;

public sealed class ReminderRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ClaimStepAsync_SameStepTwentyTimesConcurrently_OneClaimWins(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "remclaim");
        var id = await SeedInvoiceAsync(db, "INV-0001", InvoiceStatus.Sent, Now.AddDays(-1));

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            db.InTransactionAsync((c, t) => ReminderRepository.ClaimStepAsync(c, t, id, "+1d", Now, default), default))));
        var otherStep = await db.InTransactionAsync((c, t) => ReminderRepository.ClaimStepAsync(c, t, id, "+3d", Now, default), default);

        Assert.Equal(1, claims.Count(x => x));
        Assert.True(otherStep);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ListDueAsync_WindowAndSwitches_ListsOnlyUnclaimedRemindableInvoices(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "remdue");
        var repo = new ReminderRepository(db);
        var due = await SeedInvoiceAsync(db, "INV-0001", InvoiceStatus.Sent, Now.AddHours(-30));
        var claimed = await SeedInvoiceAsync(db, "INV-0002", InvoiceStatus.Expired, Now.AddHours(-30));
        await SeedInvoiceAsync(db, "INV-0003", InvoiceStatus.Paid, Now.AddHours(-30));
        await SeedInvoiceAsync(db, "INV-0004", InvoiceStatus.Sent, Now.AddHours(-10)); // not a day past expiry yet
        await SeedInvoiceAsync(db, "INV-0005", InvoiceStatus.Sent, Now.AddDays(-4)); // past the +1d window
        var stopped = await SeedInvoiceAsync(db, "INV-0006", InvoiceStatus.PartiallyPaid, Now.AddHours(-30));
        await db.InTransactionAsync(async (c, t) =>
        {
            await ReminderRepository.ClaimStepAsync(c, t, claimed, "+1d", Now, default);
            Assert.True(await ReminderRepository.SetInvoiceRemindersAsync(c, t, 1, "INV-0006", false, Now, default));
        }, default);

        var listed = await repo.ListDueAsync("+1d", Now.AddDays(-1), Now.AddDays(-3), 100, default);

        Assert.Equal([due], listed);
        Assert.DoesNotContain(stopped, listed);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task LockRemindableAsync_MerchantSwitchedOff_ReturnsNull(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "remlock");
        var repo = new ReminderRepository(db);
        var id = await SeedInvoiceAsync(db, "INV-0001", InvoiceStatus.Sent, Now.AddHours(-30));

        var before = await db.InTransactionAsync((c, t) => repo.LockRemindableAsync(c, t, id, default), default);
        await db.InTransactionAsync((c, t) => ReminderRepository.SetMerchantRemindersAsync(c, t, 1, false, Now, default), default);
        var after = await db.InTransactionAsync((c, t) => repo.LockRemindableAsync(c, t, id, default), default);

        Assert.Equal(id, before?.Id);
        Assert.Null(after);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ExpireDueAsync_TwoConcurrentCallers_ExpireEachUnpaidInvoiceOnceAndLeavePaidAlone(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "expire");
        var repo = new ReminderRepository(db);
        var unpaid = new List<string>();
        for (var i = 1; i <= 30; i++) unpaid.Add(await SeedInvoiceAsync(db, $"INV-{i:D4}", InvoiceStatus.Sent, Now.AddMinutes(-i)));
        var paid = await SeedInvoiceAsync(db, "INV-0100", InvoiceStatus.Paid, Now.AddDays(-1));
        var later = await SeedInvoiceAsync(db, "INV-0101", InvoiceStatus.Sent, Now.AddDays(1));

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var mine = new List<string>();
            while ((await repo.ExpireDueAsync(Now, 7, default)) is { Count: > 0 } batch) mine.AddRange(batch);
            return mine;
        })));

        var all = runs.SelectMany(r => r).ToList();
        Assert.Equal(unpaid.Order(), all.Order());
        var invoices = new InvoiceRepository(db);
        Assert.Equal(InvoiceStatus.Paid, (await invoices.GetAsync(paid, default))!.Status);
        Assert.Equal(InvoiceStatus.Sent, (await invoices.GetAsync(later, default))!.Status);
        Assert.Equal(InvoiceStatus.Expired, (await invoices.GetAsync(unpaid[0], default))!.Status);
    }

    private static async Task<string> SeedInvoiceAsync(Db db, string number, InvoiceStatus status, DateTimeOffset expiresAt)
    {
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", Now, default);
        return await db.InTransactionAsync(async (c, t) =>
        {
            var customer = await CustomerRepository.UpsertAsync(c, t, merchant.Id, "254712345678", "Wanjiku", Now, default);
            var invoice = new Invoice
            {
                Id = "inv_" + number, MerchantId = merchant.Id, CustomerId = customer.Id, Number = number, Msisdn = customer.Msisdn,
                Description = "Design", AmountCents = 150_000, Status = status, PayToken = "tok_" + number,
                CreatedAt = expiresAt.AddDays(-7), UpdatedAt = expiresAt.AddDays(-7), ExpiresAt = expiresAt,
            };
            await InvoiceRepository.InsertAsync(c, t, invoice, default);
            return invoice.Id;
        }, default);
    }
}
