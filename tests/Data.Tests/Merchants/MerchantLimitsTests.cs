using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Merchants;

/// <summary>The daily invoice count, the limit overrides and merchant-scoped events, on both databases.</summary>
public sealed class MerchantLimitsTests
{
    // 23:30 in Nairobi: half an hour later is another day.
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 1, 20, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task DailyInvoiceCount_UpToTheLimit_ThenRefusedWithoutANumberUntilTheNextNairobiDay(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "limits");
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", LateEvening, default);
        var limit = new DailyLimit(2);

        var taken = new List<string?>();
        foreach (var at in new[] { LateEvening, LateEvening, LateEvening, LateEvening.AddMinutes(31), LateEvening.AddMinutes(32) })
            taken.Add(await db.InTransactionAsync((c, t) => InvoiceNumberAllocator.NextAsync(c, t, merchant.Id, limit, at, default), default));

        // A refused invoice takes no number either.
        Assert.Equal(["INV-0001", "INV-0002", null, "INV-0003", "INV-0004"], taken);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(3)), DailyLimit.ResetsAt(LateEvening));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task DailyInvoiceLimitOfZero_RefusesEveryInvoice_TheFirstEverAndTheFirstOfANewDayToo(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "limits");
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", LateEvening, default);
        Task<string?> NextAsync(DailyLimit limit, DateTimeOffset at) =>
            db.InTransactionAsync((c, t) => InvoiceNumberAllocator.NextAsync(c, t, merchant.Id, limit, at, default), default);

        var firstEver = await NextAsync(new DailyLimit(0), LateEvening);
        var allowed = await NextAsync(new DailyLimit(null), LateEvening);
        var nextDay = await NextAsync(new DailyLimit(0), LateEvening.AddHours(1));

        Assert.Equal(new[] { null, "INV-0001", null }, new[] { firstEver, allowed, nextDay });
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task SetLimits_ALeftOutChangeKeepsTheOverride_ANullOneClearsIt(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "limits");
        var merchants = new MerchantRepository(db);
        var merchant = await merchants.UpsertAsync("254700000001", "Acme", LateEvening, default);

        var set = await merchants.SetLimitsAsync(merchant.Id, new LimitOverride(50), new LimitOverride(0), LateEvening, default);
        var cleared = await merchants.SetLimitsAsync(merchant.Id, new LimitOverride(null), null, LateEvening, default);

        Assert.Equal((50, 0), (set!.DailyInvoiceLimit, set.DailySmsCap));
        Assert.Equal((null, 0), (cleared!.DailyInvoiceLimit, cleared.DailySmsCap));
        Assert.Null(await merchants.SetLimitsAsync(merchant.Id + 1000, null, null, LateEvening, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Events_ScopedToAMerchant_ListOnlyItsOwn_UnscopedListEveryOne(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "limits");
        var merchants = new MerchantRepository(db);
        var a = await merchants.UpsertAsync("254700000001", "Acme", LateEvening, default);
        var b = await merchants.UpsertAsync("254700000002", "Duka", LateEvening, default);
        var events = new EventRepository(db);
        await db.InTransactionAsync(async (c, t) =>
        {
            await EventRepository.AddAsync(c, t, EventTypes.MessageFailed, LateEvening, outboxId: 1, merchantId: a.Id);
            await EventRepository.AddAsync(c, t, EventTypes.MessageFailed, LateEvening, outboxId: 2, merchantId: b.Id);
            await EventRepository.AddAsync(c, t, EventTypes.ProviderStatusChanged, LateEvening, provider: "whatsapp", status: "down");
        }, default);

        Assert.Equal([1L], (await events.ListAfterAsync(0, 100, a.Id, default)).Select(e => e.OutboxId!.Value));
        Assert.Equal([2L], (await events.ListAfterAsync(0, 100, b.Id, default)).Select(e => e.OutboxId!.Value));
        Assert.Equal([a.Id, b.Id, (long?)null], (await events.ListAfterAsync(0, 100, null, default)).Select(e => e.MerchantId));
    }
}
