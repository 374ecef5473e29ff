using Dapper;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>The inbox worker takes due events in batches, one transaction each; one bad event must not cost the others.</summary>
public sealed class InboxBatchTests : IAsyncLifetime
{
    private static readonly string[] People = ["254711000001", "254711000002", "254711000003", "254711000004"];
    private BotFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await BotFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ABatchWithOneUnreadableEvent_TheOthersAreAnsweredOnce_TheBadOneIsRetriedAlone()
    {
        // Stored not yet due, then made due by one statement: the worker's next claim takes all five together.
        var later = DateTimeOffset.UtcNow.AddHours(1);
        await new InboxRepository(_factory.Db).StoreAsync(
            People.Select((p, i) => (InboundEvent)new ChatEvent
            {
                Provider = Providers.WhatsApp, EventId = $"wamid.batch-{i}", ChatKind = InboundKind.Text, From = p, Text = "hello", Timestamp = later,
                BusinessNumberId = WebhookBuilders.PhoneNumberId,
            }).ToList(), later, default);
        await using (var c = await _factory.Db.OpenAsync(default))
        {
            await c.ExecuteAsync("""
                INSERT INTO inbox (provider, provider_event_id, kind, conversation_key, payload, status, attempts, next_attempt_at, received_at)
                VALUES ('whatsapp', 'wamid.batch-bad', 'Text', 'chat:254711000009', '{"$event":"no_such_event"}', 'PENDING', 0, @later, @later)
                """, new { later });
            await c.ExecuteAsync("UPDATE inbox SET next_attempt_at = @now, received_at = @now WHERE status = 'PENDING'", new { now = DateTimeOffset.UtcNow });
        }

        var bad = await Eventually.UntilAsync(async () =>
        {
            await using var c = await _factory.Db.OpenAsync(default);
            return await c.QuerySingleAsync<(string Status, int Attempts, string? LastError)>(
                "SELECT status, attempts, last_error FROM inbox WHERE provider_event_id = 'wamid.batch-bad'");
        }, row => row.Attempts >= 1, what: "the bad event's failed attempt");
        var handled = await Eventually.UntilAsync(async () =>
        {
            await using var c = await _factory.Db.OpenAsync(default);
            return (await c.QueryAsync<string>(
                "SELECT provider_event_id FROM inbox WHERE status = 'DONE' AND attempts = 0 AND provider_event_id LIKE 'wamid.batch-%'")).ToList();
        }, done => done.Count == People.Length, what: "the good events to be handled, none counted as failed");

        Assert.Equal(People.Select((_, i) => $"wamid.batch-{i}").Order(), handled.Order());
        Assert.Equal(("PENDING", 1), (bad.Status, bad.Attempts));
        Assert.StartsWith("JsonException", bad.LastError);
        await using var db = await _factory.Db.OpenAsync(default);
        var replies = (await db.QueryAsync<(string Recipient, long Count)>(
            "SELECT recipient, count(*) FROM outbox WHERE recipient LIKE '2547110000%' GROUP BY recipient")).ToDictionary(r => r.Recipient, r => r.Count);
        // Each person answered once: the batch's first, rolled-back run left nothing behind.
        Assert.Equal(People.Order(), replies.Keys.Order());
        Assert.All(replies.Values, n => Assert.Equal(1, n));
    }
}
