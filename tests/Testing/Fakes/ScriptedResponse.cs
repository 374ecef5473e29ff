namespace InvoiceFirst.Testing.Fakes;

/// <summary>What a fake answers to one request; null body means the fake's default success body.</summary>
public sealed record ScriptedResponse(
    int Status,
    string? Body = null,
    string ContentType = "application/json",
    TimeSpan Delay = default,
    IReadOnlyDictionary<string, string>? Headers = null);
