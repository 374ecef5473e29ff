namespace InvoiceFirst.Testing.Fakes;

/// <summary>A scripted answer: an error body with an HTTP status, a delay before answering normally, or a query result.</summary>
public sealed record FakeDarajaReply
{
    public int HttpStatus { get; init; } = 200;
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public TimeSpan Delay { get; init; }
    public string? ResultCode { get; init; }
    public string? ResultDesc { get; init; }
    public string? RawBody { get; init; }
    public string RawContentType { get; init; } = "application/json";

    public static FakeDarajaReply Error(int httpStatus, string errorCode, string errorMessage) =>
        new() { HttpStatus = httpStatus, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>Exactly this body with this status: HTML from a gateway, truncated JSON.</summary>
    public static FakeDarajaReply Raw(int httpStatus, string body, string contentType) =>
        new() { HttpStatus = httpStatus, RawBody = body, RawContentType = contentType };

    public static FakeDarajaReply After(TimeSpan delay) => new() { Delay = delay };

    public static FakeDarajaReply Result(string resultCode, string resultDesc) =>
        new() { ResultCode = resultCode, ResultDesc = resultDesc };
}
