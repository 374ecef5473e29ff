using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Events;

/// <summary>The live-events feed resumes from the last id a client saw, so ids must become visible in order.</summary>
public sealed class EventRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAfterAsync_EventCommittedAfterALaterInsert_IsNotSkippedByAReaderResumingFromTheLastIdItSaw()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(Dialect.Postgres, "events");
        var events = new EventRepository(db);
        await using var slow = await db.OpenAsync(default);
        await using var slowTransaction = await slow.BeginTransactionAsync();
        await EventRepository.AddAsync(slow, slowTransaction, EventTypes.InvoiceCreated, Now, invoiceId: "inserted-first");

        await db.InTransactionAsync((c, t) => EventRepository.AddAsync(c, t, EventTypes.InvoiceCreated, Now, invoiceId: "committed-first"), default);
        var firstRead = await events.ListAfterAsync(0, 100, null, default);
        await slowTransaction.CommitAsync();
        var secondRead = await events.ListAfterAsync(firstRead[^1].Id, 100, null, default);

        Assert.Equal(["committed-first"], firstRead.Select(e => e.InvoiceId));
        Assert.Equal(["inserted-first"], secondRead.Select(e => e.InvoiceId));
        Assert.Equal(firstRead[0].Id + 1, secondRead[0].Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task ListAfterAsync_SeveralEventsInOneTransaction_ComeInInsertOrderAndLastIdIsTheNewest(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "events");
        var events = new EventRepository(db);

        await db.InTransactionAsync(async (c, t) =>
        {
            foreach (var id in new[] { "a", "b", "c" })
                await EventRepository.AddAsync(c, t, EventTypes.InvoiceCreated, Now, invoiceId: id);
        }, default);
        var all = await events.ListAfterAsync(0, 100, null, default);
        var afterFirst = await events.ListAfterAsync(all[0].Id, 100, null, default);

        Assert.Equal(["a", "b", "c"], all.Select(e => e.InvoiceId));
        Assert.Equal(["b", "c"], afterFirst.Select(e => e.InvoiceId));
        Assert.Equal(all[^1].Id, await events.LastIdAsync(default));
    }
}
