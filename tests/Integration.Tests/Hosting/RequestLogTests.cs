using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Hosting;

/// <summary>The request log line says what the client was answered, whoever answered it.</summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly LogCapture _log = LogCapture.Start();
    private BotFactory _bot = null!;

    public async Task InitializeAsync() => _bot = await BotFactory.CreateAsync(_log.Settings());

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task UnreadableJson_LogsThe400TheClientGot()
    {
        using var content = new StringContent("{\"msisdn\": \"0712345678\", \"amount_cents\": ", Encoding.UTF8, "application/json");

        var response = await _bot.ApiClient().PostAsync("/invoices", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var line = await RequestLineAsync("POST /invoices");
        Assert.Contains("StatusCode=400", line);
        Assert.StartsWith("Information ", line);
    }

    [Fact]
    public async Task ClientHangsUpMidBody_Logs499NotA200Or500()
    {
        // A real server: the test server cannot drop a connection half way through a body.
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-hangup-").FullName,
        });
        await bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(30));

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, bot.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "POST /invoices HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"msisdn\": \"07"));
            await stream.FlushAsync();
            await Task.Delay(300);
            tcp.Client.LingerState = new LingerOption(true, 0); // a reset, as from a phone that lost its signal
        }

        // Compact JSON in production: the template's properties are fields of the line.
        var line = await Eventually.UntilAsync(() => Task.FromResult(bot.Output.Split('\n').FirstOrDefault(l =>
                l.Contains("\"RequestMethod\":\"POST\"", StringComparison.Ordinal) && l.Contains("\"RequestPath\":\"/invoices", StringComparison.Ordinal))),
            found => found is not null, TimeSpan.FromSeconds(10), "the request log line");
        Assert.Contains("\"StatusCode\":499", line);
        Assert.DoesNotContain("\"@l\"", line); // Information: compact JSON names the level only when it is another
    }

    [Fact]
    public async Task RefusedByAFilter_LogsTheRefusalWithTheRouteTemplate()
    {
        var metrics = await _bot.CreateClient().GetAsync("/metrics");
        var sms = await _bot.CreateClient().PostAsync(AfricasTalkingCallbacks.InboundPath("not-the-token"),
            new FormUrlEncodedContent(AfricasTalkingCallbacks.Inbound("254712345678", "PAY")));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NotFound), (metrics.StatusCode, sms.StatusCode));
        Assert.Contains("StatusCode=401", await RequestLineAsync("GET /metrics"));
        Assert.Contains("StatusCode=404", await RequestLineAsync("POST /sms/inbound/{token}"));
        Assert.DoesNotContain(_log.Lines, l => l.Contains("not-the-token", StringComparison.Ordinal));
    }

    /// <summary>The request log line is written once the response is done, which can be just after the client has it.</summary>
    private async Task<string> RequestLineAsync(string request)
    {
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);
        var prefix = $"HTTP \"{method}\" \"{path}";
        var line = await Eventually.UntilAsync(() => Task.FromResult(_log.Lines.FirstOrDefault(l => l.Contains(prefix, StringComparison.Ordinal))),
            found => found is not null, TimeSpan.FromSeconds(15), "the request log line of " + request);
        return line!;
    }
}
