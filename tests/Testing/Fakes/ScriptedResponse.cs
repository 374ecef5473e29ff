namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// What a fake answers to one request; null body means the fake's default success body. With
/// <paramref name="For"/>, only a request it accepts takes this answer (the bot sends a merchant's
/// reply and a customer's invoice at once, in either order); the others get the default.
/// </summary>
public sealed record ScriptedResponse(
    int Status,
    string? Body = null,
    string ContentType = "application/json",
    TimeSpan Delay = default,
    IReadOnlyDictionary<string, string>? Headers = null,
    Func<RecordedRequest, bool>? For = null);
