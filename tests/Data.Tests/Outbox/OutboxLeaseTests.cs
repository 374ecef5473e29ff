using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Outbox;

/// <summary>
/// Several instances recover expired rows from lists they read without a lock. A write that
/// finishes a claim names the claim's lease, so a stale one cannot reopen a row another instance
/// has since re-claimed and started sending (which sent one SMS twice under three instances).
/// </summary>
public sealed class OutboxLeaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task StaleRecovery_RowReclaimedAndStartedElsewhere_ChangesNothing(Dialect dialect)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "lease");
        var rows = new OutboxDispatchRepository(db);
        await db.InTransactionAsync((c, t) => OutboxRepository.EnqueueAsync(c, t,
            OutboxEntry.Due("254712345678", OutboxPurpose.Reply, new OutboundMessage { Text = "hi" }, "k1", Now), default), default);

        // Instance A claims and starts, then its lease runs out: two instances list it as expired.
        var a = Assert.Single(await rows.ClaimAsync(10, Now, Now.AddSeconds(30), default));
        Assert.True(await rows.MarkStartedAsync(a.Id, a.LockedUntil, "africastalking", Now, default));
        var later = Now.AddMinutes(1);
        var seenByB = Assert.Single(await rows.ListExpiredStartedAsync(later, default));
        var seenByC = Assert.Single(await rows.ListExpiredStartedAsync(later, default));

        // B resolves it (back to the queue); D claims it again and starts the next send.
        Assert.True(await rows.RescheduleAsync(seenByB.Id, seenByB.LockedUntil, 0, "africastalking?", later, "unknown:interrupted", later, default));
        var d = Assert.Single(await rows.ClaimAsync(10, later, later.AddSeconds(30), default));
        Assert.True(await rows.MarkStartedAsync(d.Id, d.LockedUntil, "twilio", later, default));

        // C, from its stale list, must not reopen the row D is sending; nor can A's late outcome land.
        Assert.False(await rows.RescheduleAsync(seenByC.Id, seenByC.LockedUntil, 0, "africastalking?", later, "unknown:interrupted", later, default));
        Assert.False(await db.InTransactionAsync((c, t) =>
            OutboxDispatchRepository.MarkSentAsync(c, t, a.Id, a.LockedUntil, "africastalking", "ATXid_late", later, default), default));
        Assert.Empty(await rows.ClaimAsync(10, later.AddSeconds(1), later.AddSeconds(31), default));
        Assert.True(await db.InTransactionAsync((c, t) =>
            OutboxDispatchRepository.MarkSentAsync(c, t, d.Id, d.LockedUntil, "twilio", "SM123", later, default), default));
    }
}
