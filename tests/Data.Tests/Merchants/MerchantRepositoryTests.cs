using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Merchants;

public sealed class MerchantRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Upsert_SeededTwice_KeepsTheCodeItWasGiven(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "merchants");
        var merchants = new MerchantRepository(db);

        var first = await merchants.UpsertAsync("254700000001", "Acme", Now, default);
        var again = await merchants.UpsertAsync("254700000001", "Acme Designs", Now, default);

        Assert.Matches("^[2-9A-HJ-NP-Z]{3}$", first.Code);
        Assert.Equal(first.Code, again.Code);
        Assert.Equal("Acme Designs", (await merchants.GetAsync(first.Id, default))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Create_ManyMerchants_EachCodeUniqueAndATakenPhoneRefused(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "merchants");
        var merchants = new MerchantRepository(db);

        var created = new List<Merchant>();
        for (var i = 0; i < 200; i++)
            created.Add((await merchants.CreateAsync($"2547{i:D8}", $"Shop {i}", "en", MerchantStatus.Pending, Now, default))!);
        var taken = await merchants.CreateAsync("254700000007", "Copycat", "en", MerchantStatus.Active, Now, default);

        Assert.Equal(200, created.Select(m => m.Code).Distinct().Count());
        Assert.All(created, m => Assert.Equal(MerchantStatus.Pending, m.Status));
        Assert.Null(taken);
        Assert.Equal("Shop 7", (await merchants.FindByPhoneAsync("254700000007", default))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ChangeStatus_OnlyFromTheStatusNamed(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "merchants");
        var merchants = new MerchantRepository(db);
        var m = (await merchants.CreateAsync("254722000111", "Duka", "sw", MerchantStatus.Pending, Now, default))!;

        Task<bool> Change(string from, string to) =>
            db.InTransactionAsync((c, t) => MerchantRepository.ChangeStatusAsync(c, t, m.Id, from, to, Now, default), default);

        Assert.False(await Change(MerchantStatus.Active, MerchantStatus.Suspended));
        Assert.True(await Change(MerchantStatus.Pending, MerchantStatus.Active));
        Assert.False(await Change(MerchantStatus.Pending, MerchantStatus.Declined));
        Assert.Equal(MerchantStatus.Active, (await merchants.GetAsync(m.Id, default))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task List_ByQueryAndStatus_PagedById(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "merchants");
        var merchants = new MerchantRepository(db);
        var mboga = (await merchants.CreateAsync("254722000111", "Mama Mboga", "sw", MerchantStatus.Active, Now, default))!;
        await merchants.CreateAsync("254722000112", "Hardware Ltd", "en", MerchantStatus.Pending, Now, default);
        var third = (await merchants.CreateAsync("254722000113", "Mboga Fresh", "en", MerchantStatus.Pending, Now, default))!;

        Assert.Equal([mboga.Id, third.Id], (await merchants.ListAsync(null, "MBOGA", 0, 10, default)).Select(m => m.Id));
        Assert.Equal([third.Id], (await merchants.ListAsync(MerchantStatus.Pending, "mboga", 0, 10, default)).Select(m => m.Id));
        Assert.Equal([third.Id], (await merchants.ListAsync(null, null, mboga.Id + 1, 10, default)).Select(m => m.Id));
        Assert.Equal([mboga.Id], (await merchants.ListAsync(null, mboga.Code, 0, 10, default)).Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ApiKey_FindsItsMerchantOnlyWhileNotRevoked_AndNeverAForgedOne(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "merchants");
        var merchant = (await new MerchantRepository(db).CreateAsync("254722000111", "Duka", "sw", MerchantStatus.Active, Now, default))!;
        var keys = new MerchantApiKeyRepository(db);

        var (key, secret) = await keys.CreateAsync(merchant.Id, Now, default);
        var forged = secret[..^4] + (secret[^4..] == "aaaa" ? "bbbb" : "aaaa");

        Assert.Equal(merchant.Id, await keys.FindMerchantAsync(secret, default));
        Assert.Null(await keys.FindMerchantAsync(forged, default));
        Assert.Null(await keys.FindMerchantAsync("ifk_" + key.Prefix, default));
        Assert.True(await keys.RevokeAsync(merchant.Id, key.Id, Now, default));
        Assert.Null(await keys.FindMerchantAsync(secret, default));
    }
}
