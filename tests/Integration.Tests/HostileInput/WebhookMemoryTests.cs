using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;
using Xunit.Abstractions;

namespace InvoiceFirst.Integration.Tests.HostileInput;

/// <summary>
/// Floods the webhooks with bodies just under the limit, over it (declared and chunked) and deeply
/// nested: the host keeps none of them. Runs alone (the messaging collection) so that the managed
/// heap it measures is the host's and its own, not another test's.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class WebhookMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 8;
    private const long MB = 1024 * 1024;

    // Buffer pools (ArrayPool.Shared keeps a few 4 MB arrays per core and per thread) plateau near 70 MB
    // on a 2-core box, most of it in the first half. A body kept per request adds about 125 MB from one
    // half to the next (measured by keeping each raw body in a static list).
    private const long MaxGrowth = 128 * MB;
    private const long MaxGrowthSecondHalf = 64 * MB;
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Flood_LargeOversizedAndNestedBodies_HeapStaysBoundedAndOnlyTheAuthenticatedBodyIsKept()
    {
        var client = _h.Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        var start = HeapAfterFullGc(); // whatever earlier tests left in this process is not the flood's

        for (var i = 0; i < Rounds; i++) statuses.AddRange(await SendRoundAsync(client));
        var firstHalf = HeapAfterFullGc();
        for (var i = 0; i < Rounds; i++) statuses.AddRange(await SendRoundAsync(client));
        var secondHalf = HeapAfterFullGc();

        output.WriteLine($"managed heap after a full GC: {start / MB} MB before, {firstHalf / MB} MB after {statuses.Count / 2} bodies, {secondHalf / MB} MB after {statuses.Count}");
        Assert.All(statuses, s => Assert.True((int)s < 500, s.ToString()));
        Assert.Equal(2 * Rounds * 4, statuses.Count(s => s == HttpStatusCode.RequestEntityTooLarge));
        Assert.True(secondHalf - start < MaxGrowth, $"heap grew by {(secondHalf - start) / MB} MB");
        Assert.True(secondHalf - firstHalf < MaxGrowthSecondHalf, $"heap grew by {(secondHalf - firstHalf) / MB} MB in the second half");
        await using var c = await _h.Factory.Db.OpenAsync(default);
        // Refused bodies left nothing. The nested one came to the C2B URL with its secret: an authenticated
        // body we cannot read is kept for review, once however often it comes, never acknowledged as nothing.
        Assert.Equal(["c2b:unreadable"], await c.QueryAsync<string>("SELECT substr(provider_event_id, 1, 14) FROM inbox"));

        // The same host still takes a real event: nothing stored above is a choice, not a broken intake.
        await SendAsync(client, "/whatsapp/webhook", WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.TextMessage("254712345678", "hi")])), chunked: false);
        Assert.Equal(2, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    private static async Task<List<HttpStatusCode>> SendRoundAsync(HttpClient client)
    {
        var justUnder = Padded(RawBodyMax - 1024);
        var over = new byte[RawBodyMax + 512 * 1024];
        Array.Fill(over, (byte)'{');
        var nested = Encoding.UTF8.GetBytes(new string('[', 1_000_000) + new string(']', 1_000_000));
        var sends = new (string Path, byte[] Body, bool Chunked)[]
        {
            ("/whatsapp/webhook", justUnder, false),
            ("/payments/stk/callback/some-token", justUnder, true),
            ("/whatsapp/webhook", over, false),
            ("/whatsapp/webhook", over, true),
            (BotFactory.C2bConfirmationPath, over, false),
            (BotFactory.C2bConfirmationPath, over, true),
            ("/whatsapp/webhook", nested, true),
            (BotFactory.C2bConfirmationPath, nested, false),
        };
        var statuses = new HttpStatusCode[sends.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, sends.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => statuses[i] = await SendAsync(client, sends[i].Path, sends[i].Body, sends[i].Chunked));
        return [.. statuses];
    }

    private static int RawBodyMax => Bot.Webhooks.RawBody.MaxBytes;

    /// <summary>A well-formed WhatsApp envelope with no events, padded to <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(int size)
    {
        const string head = """{"object":"whatsapp_business_account","entry":[],"padding":""";
        return Encoding.UTF8.GetBytes(head + new string('x', size - head.Length - 2) + "\"}");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string path, byte[] body, bool chunked)
    {
        // Chunked: the length is not declared, so only reading the body can find it is too large.
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (path.StartsWith("/whatsapp/", StringComparison.Ordinal))
            request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(body, BotFactory.AppSecret));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static long HeapAfterFullGc()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>A stream that cannot tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
