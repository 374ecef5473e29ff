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
    public async Task ClaimNextAsync_TwoEventsFromOnePerson_SecondWaitsUntilFirstIsDone(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "order");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([Text("a1", "254711111111"), Text("a2", "254711111111"), Text("b1", "254722222222")], Now, default);

        var claimed = new List<string>();
        while (true)
        {
            var item = await db.InTransactionAsync(async (c, t) =>
            {
                var next = await inbox.ClaimNextAsync(c, t, Now, default);
                if (next is not null) await InboxRepository.MarkDoneAsync(c, t, next.Id, Now, default);
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
    public async Task RecordFailureAsync_WithRetry_BlocksLaterEventsOfThatPersonUntilDue(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "retry");
        var inbox = new InboxRepository(db);
        await inbox.StoreAsync([Text("c1", "254733333333"), Text("c2", "254733333333")], Now, default);
        var first = await db.InTransactionAsync((c, t) => inbox.ClaimNextAsync(c, t, Now, default), default);

        await inbox.RecordFailureAsync(first!.Id, "boom", Now.AddSeconds(30), Now, default);
        var whileWaiting = await db.InTransactionAsync((c, t) => inbox.ClaimNextAsync(c, t, Now.AddSeconds(1), default), default);
        var afterBackoff = await db.InTransactionAsync((c, t) => inbox.ClaimNextAsync(c, t, Now.AddSeconds(31), default), default);

        Assert.Null(whileWaiting);
        Assert.Equal("c1", afterBackoff!.ProviderEventId);
        Assert.Equal(1, afterBackoff.Attempts);
    }
}
