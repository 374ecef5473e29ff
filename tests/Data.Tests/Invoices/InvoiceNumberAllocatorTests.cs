using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Invoices;

public sealed class InvoiceNumberAllocatorTests
{
    private static readonly DailyLimit NoLimit = new(null);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task NextAsync_HundredConcurrentCallers_GetHundredDistinctConsecutiveNumbers(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "alloc");
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000001", "Acme", DateTimeOffset.UtcNow, default);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
            db.InTransactionAsync<string?>((c, t) => InvoiceNumberAllocator.NextAsync(c, t, merchant.Id, NoLimit, DateTimeOffset.UtcNow, default), default))));

        var expected = Enumerable.Range(1, 100).Select(i => $"INV-{i:D4}").ToHashSet();
        Assert.Equal(100, numbers.Distinct().Count());
        Assert.True(expected.SetEquals(numbers.OfType<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task NextAsync_RolledBackTransaction_NumberIsHandedOutAgain(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "rollback");
        var merchant = await new MerchantRepository(db).UpsertAsync("254700000002", "Acme", DateTimeOffset.UtcNow, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<string?>(async (c, t) =>
        {
            await InvoiceNumberAllocator.NextAsync(c, t, merchant.Id, NoLimit, DateTimeOffset.UtcNow, default);
            throw new InvalidOperationException("invoice insert failed");
        }, default));
        var next = await db.InTransactionAsync<string?>((c, t) => InvoiceNumberAllocator.NextAsync(c, t, merchant.Id, NoLimit, DateTimeOffset.UtcNow, default), default);

        Assert.Equal("INV-0001", next);
    }

    [Theory]
    [InlineData(1, "INV-0001")]
    [InlineData(42, "INV-0042")]
    [InlineData(9999, "INV-9999")]
    [InlineData(12345, "INV-12345")]
    [InlineData(99999999, "INV-99999999")]
    public void Format_Sequence_FitsTheMpesaAccountReference(long seq, string expected)
    {
        Assert.Equal(expected, InvoiceNumberAllocator.Format(seq));
        Assert.True(expected.Length <= 12);
    }

    [Fact]
    public void Format_BeyondTwelveCharacters_Refuses() =>
        Assert.Throws<InvalidOperationException>(() => InvoiceNumberAllocator.Format(100_000_000));
}
