using InvoiceFirst.Data.Database;
using Npgsql;

namespace InvoiceFirst.Data.Tests.Database;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task ManyWritersAtOnce_FewerStoresThanWriters_EachGetsItsOwnResult()
    {
        var groups = new List<int>();
        var group = new GroupCommit<int, int>(async items =>
        {
            lock (groups) groups.Add(items.Count);
            await Task.Delay(20); // a round trip: writers arriving meanwhile queue for the next group
            return items.Select(i => i * 10).ToList();
        });

        var results = await Task.WhenAll(Enumerable.Range(1, 100).Select(i => Task.Run(() => group.WriteAsync(i))));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => i * 10), results);
        Assert.Equal(100, groups.Sum());
        Assert.True(groups.Count < 50, $"{groups.Count} stores for 100 writers");
        Assert.All(groups, n => Assert.InRange(n, 1, 64));
    }

    [Fact]
    public async Task OneItemTheDatabaseRefuses_FailsAloneAndTheOthersAreStored()
    {
        var stored = new List<int>();
        var gate = new TaskCompletionSource();
        var group = new GroupCommit<int, bool>(async items =>
        {
            await gate.Task;
            // Like PostgreSQL refusing a text with a NUL in it: the whole statement fails.
            if (items.Contains(13)) throw new PostgresException("invalid byte sequence", "ERROR", "ERROR", "22021");
            lock (stored) stored.AddRange(items);
            return items.Select(_ => true).ToList();
        });

        var writes = Enumerable.Range(10, 8).Select(i => Task.Run(() => group.WriteAsync(i))).ToList();
        await Task.Delay(50);
        gate.SetResult();
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { })));

        Assert.IsType<PostgresException>(writes[3].Exception?.InnerException);
        Assert.Equal(new[] { 10, 11, 12, 14, 15, 16, 17 }, stored.Order());
        Assert.All(writes.Where((_, i) => i != 3), w => Assert.True(w.Result));
    }

    [Fact]
    public async Task DatabaseAway_EveryWriterOfTheGroupGetsTheFailure_NothingRetriedHere()
    {
        var calls = 0;
        var group = new GroupCommit<int, bool>(_ =>
        {
            Interlocked.Increment(ref calls);
            throw new NpgsqlException("connection refused");
        });

        var failure = await Assert.ThrowsAsync<NpgsqlException>(() => group.WriteAsync(1));

        Assert.Equal("connection refused", failure.Message);
        Assert.Equal(1, calls);
    }
}
