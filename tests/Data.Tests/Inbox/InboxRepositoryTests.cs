using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Inbox;

public sealed class InboxRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static ChatEvent Text(string id, string from) => new()
    {
        Provider = Providers.WhatsApp, EventId = id, ChatKind = InboundKind.Text, From = from, Text = "hi", Timestamp = Now,
    };

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task StoreAsync_RedeliveredEvent_IsStoredOnce(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "inbox");
        var inbox = new InboxRepository(db);

        var first = await inbox.StoreAsync([Text("wamid.1", "254712345678")], Now, default);
        var again = await inbox.StoreAsync([Text("wamid.1", "254712345678"), Text("wamid.2", "254712345678")], Now, default);

        Assert.Equal(1, first);
        Assert.Equal(1, again);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ClaimAsync_TwoEventsFromOnePerson_SecondWaitsUntilFirstIsDone(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "order");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([Text("a1", "254711111111"), Text("a2", "254711111111"), Text("b1", "254722222222")], Now, default);

        var claimed = new List<string>();
        while (true)
        {
            var item = await db.InTransactionAsync(async (c, t) =>
            {
                var next = (await inbox.ClaimAsync(c, t, Now, 1, default)).SingleOrDefault();
                if (next is not null) await inbox.MarkDoneAsync(c, t, [next.Id], Now, default);
                return next;
            }, default);
            if (item is null) break;
            claimed.Add(item.ProviderEventId);
        }

        Assert.Equal(["a1", "a2", "b1"], claimed.Order().ToArray());
        Assert.True(claimed.IndexOf("a1") < claimed.IndexOf("a2"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ClaimAsync_ABatch_HoldsOneEventPerPerson_TheNextBatchTheirNextEvent(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "batch");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([Text("a1", "254711111111"), Text("a2", "254711111111"), Text("b1", "254722222222"),
            Text("a3", "254711111111"), Text("c1", "254733333333")], Now, default);

        var batches = new List<string[]>();
        while (true)
        {
            var batch = await db.InTransactionAsync(async (c, t) =>
            {
                var claimed = await inbox.ClaimAsync(c, t, Now, 10, default);
                await inbox.MarkDoneAsync(c, t, claimed.Select(i => i.Id), Now, default);
                return claimed.Select(i => i.ProviderEventId).ToArray();
            }, default);
            if (batch.Length == 0) break;
            batches.Add(batch);
        }

        Assert.Equal([["a1", "b1", "c1"], ["a2"], ["a3"]], batches);
    }

    [Fact]
    public async Task ClaimAsync_TwoWorkersAtOnce_TakeDisjointBatches()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(Dialect.Postgres, "batch_skip");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([Text("p1", "254711111111"), Text("q1", "254722222222"), Text("r1", "254733333333")], Now, default);

        await using var c1 = await db.OpenAsync(default);
        await using var t1 = await c1.BeginTransactionAsync();
        var first = await inbox.ClaimAsync(c1, t1, Now, 2, default);
        var second = await db.InTransactionAsync((c2, t2) => inbox.ClaimAsync(c2, t2, Now, 10, default), default);

        Assert.Equal(["p1", "q1"], first.Select(i => i.ProviderEventId));
        Assert.Equal(["r1"], second.Select(i => i.ProviderEventId));
    }

    [Fact]
    public async Task ClaimAsync_ABurstAfterStatisticsOfAnInboxAllDone_ReadsFewerRowsThanTheBurst()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(Dialect.Postgres, "backlog");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([.. Enumerable.Range(0, 2_000).Select(i => Text($"earlier.{i}", $"2541{i:D8}"))], Now, default);
        await using var c = await db.OpenAsync(default);
        await c.ExecuteAsync("UPDATE inbox SET status = 'DONE', processed_at = next_attempt_at");
        await c.ExecuteAsync("ANALYZE inbox"); // what autovacuum saw before the burst: every event done
        await inbox.StoreAsync([.. Enumerable.Range(0, 5_000).Select(i => Text($"burst.{i}", $"2547{i:D8}"))], Now, default);

        await using var t = await c.BeginTransactionAsync();
        var claimed = await inbox.ClaimAsync(c, t, Now, 16, default);
        // Counted by this transaction alone (no other session's reads, no statistics flush to wait for).
        var read = await c.ExecuteScalarAsync<long>(
            "SELECT coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0) FROM pg_stat_xact_user_tables WHERE relname = 'inbox'", transaction: t);

        Assert.Equal(16, claimed.Count);
        // Each candidate and a lookup in its conversation, plus at most the done events' entries not yet vacuumed from the
        // pending index (2,000, each visited once): fewer than the burst. The anti-join read every pending event per candidate, 82,000.
        Assert.InRange(read, 16, 5_000);
    }

    private static Task<InboxItem?> ClaimOneAsync(Db db, InboxRepository inbox, DateTimeOffset now) =>
        db.InTransactionAsync(async (c, t) => (await inbox.ClaimAsync(c, t, now, 1, default)).SingleOrDefault(), default);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task RecordFailureAsync_WithRetry_BlocksLaterEventsOfThatPersonUntilDue(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "retry");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([Text("c1", "254733333333"), Text("c2", "254733333333")], Now, default);
        var first = await ClaimOneAsync(db, inbox, Now);

        await db.InTransactionAsync((c, t) => InboxRepository.RecordFailureAsync(c, t, first!.Id, "boom", Now.AddSeconds(30), Now, default), default);
        var whileWaiting = await ClaimOneAsync(db, inbox, Now.AddSeconds(1));
        var afterBackoff = await ClaimOneAsync(db, inbox, Now.AddSeconds(31));

        Assert.Null(whileWaiting);
        Assert.Equal("c1", afterBackoff!.ProviderEventId);
        Assert.Equal(1, afterBackoff.Attempts);
    }
}
