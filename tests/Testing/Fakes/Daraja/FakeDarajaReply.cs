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

    public static FakeDarajaReply Error(int httpStatus, string errorCode, string errorMessage) =>
        new() { HttpStatus = httpStatus, ErrorCode = errorCode, ErrorMessage = errorMessage };

    public static FakeDarajaReply After(TimeSpan delay) => new() { Delay = delay };

    public static FakeDarajaReply Result(string resultCode, string resultDesc) =>
        new() { ResultCode = resultCode, ResultDesc = resultDesc };
}
