using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>
/// Many sends accepted at the same time: every row gets its own provider message id and log line, and one send whose
/// outcome cannot be stored does not lose the others'.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class AcceptedSendsTests
{
    private const int Count = 120;

    private static async Task QueueAsync(MessagingHost host)
    {
        var now = DateTimeOffset.UtcNow;
        await host.Bot.Db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 0; i < Count; i++)
                await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(Recipient(i), OutboxPurpose.Notice, new OutboundMessage
                {
                    Text = "Your invoice",
                    Template = new TemplateMessage("invoice_v1", "en", []),
                }, "group:" + i, now), default);
        }, default);
        host.Bot.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static string Recipient(int i) => "2547" + (20000000 + i);

    private static Dictionary<string, string?> Parallel(string? dataDirectory = null)
    {
        var settings = new Dictionary<string, string?> { ["WhatsApp:MessagesPerSecond"] = "100000", ["Outbox:MaxParallelism"] = "32" };
        if (dataDirectory is not null) settings["App:DataDirectory"] = dataDirectory;
        return settings;
    }

    private sealed record Row(long Id, string Recipient, string Status, string? ProviderMessageId);

    private static async Task<IReadOnlyList<Row>> RowsAsync(MessagingHost host)
    {
        await using var c = await host.Bot.Db.OpenAsync(default);
        return (await c.QueryAsync<Row>("SELECT id, recipient, status, provider_message_id AS ProviderMessageId FROM outbox ORDER BY id")).AsList();
    }

    private static async Task<IReadOnlyList<(long OutboxId, string? ProviderMessageId)>> LogAsync(MessagingHost host)
    {
        await using var c = await host.Bot.Db.OpenAsync(default);
        return (await c.QueryAsync<(long, string?)>("SELECT outbox_id, provider_message_id FROM message_log WHERE event = 'send'")).AsList();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ManySendsAcceptedAtOnce_EachRowSentWithItsOwnMessageIdAndOneLogLine(bool postgres)
    {
        await using var host = postgres
            ? await StartAsync(Parallel())
            : await StartAsync(Parallel(Directory.CreateTempSubdirectory("invoicefirst-sqlite-").FullName), connectionString: "");

        await QueueAsync(host);
        await host.Graph.Requests.WaitForAsync(Count, TimeSpan.FromSeconds(30));
        var rows = await Eventually.UntilAsync(() => RowsAsync(host), r => r.All(x => x.Status == "SENT"), TimeSpan.FromSeconds(15));

        // The id the provider gave each recipient is the one on that recipient's row: the group kept rows and answers together.
        var issued = host.Graph.Issued.ToDictionary(i => FakeWhatsAppGraph.To(i.Request), i => i.Id);
        Assert.Equal(Count, issued.Count);
        Assert.All(rows, r => Assert.Equal(issued[r.Recipient], r.ProviderMessageId));
        var log = await LogAsync(host);
        Assert.Equal(rows.Select(r => (r.Id, r.ProviderMessageId)).Order(), log.Order());
    }

    [Fact]
    public async Task OneAcceptedSendCannotBeStored_TheOthersAreStoredAnyway()
    {
        // PostgreSQL cannot store a NUL character in text: a provider answering with one makes that send's write fail.
        await using var host = await StartAsync(new Dictionary<string, string?>(Parallel()) { ["Outbox:Lease"] = "00:00:03" });
        host.Graph.EnqueueSuccess("wamid.bad\u0000id");

        await QueueAsync(host);
        await host.Graph.Requests.WaitForAsync(Count, TimeSpan.FromSeconds(30));
        var rows = await Eventually.UntilAsync(() => RowsAsync(host), r => r.Count(x => x.Status == "SENT") == Count - 1, TimeSpan.FromSeconds(15));

        var unstored = Assert.Single(rows, r => r.Status != "SENT");
        Assert.Null(unstored.ProviderMessageId);
        Assert.Equal(Count - 1, (await LogAsync(host)).Count);
        // Nothing was sent twice meanwhile: one request per recipient.
        Assert.Equal(Count, host.Graph.Requests.All.Select(FakeWhatsAppGraph.To).Distinct().Count());
        Assert.Equal(Count, host.Graph.Requests.All.Count);
    }
}
