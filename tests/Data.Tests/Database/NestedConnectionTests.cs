using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Database;

public sealed class NestedConnectionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task OpenAsync_InsideTransactionWhenForbidden_ThrowsNamingTheProblemAndRollsBack(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "nested");
        Assert.True(db.Target.ForbidNestedConnections);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync("CREATE TABLE nested_probe (id INTEGER)", transaction: t);
            await using var second = await db.OpenAsync(CancellationToken.None);
        }, CancellationToken.None));

        Assert.Contains("InTransactionAsync", refused.Message);
        Assert.False(await TableExistsAsync(db, "nested_probe"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task InTransactionAsync_InsideTransactionWhenForbidden_Throws(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "nested");

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(
            (_, _) => db.InTransactionAsync((_, _) => Task.CompletedTask, CancellationToken.None), CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_InsideTransactionWhenAllowed_OpensASecondConnection()
    {
        await using var forbidding = await TestDatabases.CreateMigratedAsync(Dialect.Postgres, "nested");
        await using var db = new Db(forbidding.Target with { ForbidNestedConnections = false });

        var seen = await db.InTransactionAsync(async (c, t) =>
        {
            await using var second = await db.OpenAsync(CancellationToken.None);
            return await second.ExecuteScalarAsync<long>("SELECT count(*) FROM merchants");
        }, CancellationToken.None);

        Assert.Equal(0, seen);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task OpenAsync_AfterTheTransactionCommitted_Opens(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "nested");

        await db.InTransactionAsync((c, t) => c.ExecuteAsync("CREATE TABLE nested_probe (id INTEGER)", transaction: t), CancellationToken.None);
        await using var after = await db.OpenAsync(CancellationToken.None);

        Assert.Equal(0, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM nested_probe"));
    }

    [Fact]
    public async Task OpenAsync_AfterTheTransactionFailed_Opens()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(Dialect.Sqlite, "nested");

        await Assert.ThrowsAsync<TimeZoneNotFoundException>(() =>
            db.InTransactionAsync((_, _) => throw new TimeZoneNotFoundException(), CancellationToken.None));
        await using var after = await db.OpenAsync(CancellationToken.None);

        Assert.Equal(0, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM merchants"));
    }

    [Fact]
    public async Task OpenAsync_WorkStartedWithoutTheTransactionsFlow_Opens()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(Dialect.Postgres, "nested");

        var background = await db.InTransactionAsync((_, _) =>
        {
            using (ExecutionContext.SuppressFlow())
                return Task.FromResult(Task.Run(async () =>
                {
                    await using var own = await db.OpenAsync(CancellationToken.None);
                    return await own.ExecuteScalarAsync<long>("SELECT count(*) FROM merchants");
                }));
        }, CancellationToken.None);

        Assert.Equal(0, await background);
    }

    private static async Task<bool> TableExistsAsync(Db db, string table)
    {
        var sql = db.IsPostgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name = @table"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table";
        await using var c = await db.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(sql, new { table }) > 0;
    }
}
