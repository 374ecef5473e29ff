using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Ops;

/// <summary>A dead letter retried from the console goes out through the real dispatcher once, however often the form is sent.</summary>
public sealed class OpsRetryDeliveryTests
{
    [Fact]
    public async Task Retry_ThreeTimesAtOnceAndOnceMore_TheProviderSeesOneSend()
    {
        await using var host = await MessagingHost.StartAsync(OpsBrowser.Settings);
        var ops = new OpsBrowser(host.Bot);
        var id = await OpsBrowser.AddDeadLetterAsync(host.Bot, "254712345678", "Receipt-7Q3Z");
        await ops.LogInAsync();

        var presses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ops.PostFormAsync($"/ops/dead-letters/{id}/retry", [])));
        await Eventually.UntilAsync(() => Task.FromResult(Sends(host).Count), n => n >= 1, what: "the retried message to reach a provider");
        var replay = await ops.PostFormAsync($"/ops/dead-letters/{id}/retry", []);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second send, if any, would be claimed within the poll interval

        Assert.Single(presses, p => p.StatusCode == HttpStatusCode.OK);
        Assert.Equal(2, presses.Count(p => p.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Single(Sends(host));
    }

    /// <summary>Every provider call that carried the message, on any channel (outside a chat window it goes by SMS).</summary>
    private static List<RecordedRequest> Sends(MessagingHost host) =>
        [.. new[] { host.Graph.Requests, host.AfricasTalking.Requests, host.Twilio.Requests }
            .SelectMany(log => log.All).Where(r => r.Body.Contains("Receipt-7Q3Z", StringComparison.Ordinal))];
}
