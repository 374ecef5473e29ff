using System.Text.Json.Nodes;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>One request a fake provider received, as it arrived on the wire.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    IReadOnlyDictionary<string, string> Form,
    DateTimeOffset ReceivedAt = default,
    byte[]? Raw = null)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty JSON body");
}
