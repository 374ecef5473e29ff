namespace InvoiceFirst.Integration.Tests.Events;

/// <summary>A subscriber of <c>GET /events</c>: reads id/event/data frames off the open stream.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<SseReader> OpenAsync(HttpClient client, long? lastEventId = null, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/events" + query);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Frames until <paramref name="done"/> says stop, or throws at the deadline.</summary>
    public async Task<List<(long Id, string Type, string Data)>> ReadUntilAsync(Func<List<(long Id, string Type, string Data)>, bool> done,
        TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(20));
        var frames = new List<(long, string, string)>();
        long? id = null;
        string? type = null, data = null;
        while (!done(frames))
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The event stream ended");
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && id is { } i && type is not null)
            {
                frames.Add((i, type, data ?? ""));
                (id, type, data) = (null, null, null);
            }
        }
        return frames;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
