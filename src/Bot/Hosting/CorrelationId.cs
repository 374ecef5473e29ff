using System.Text.RegularExpressions;
using Serilog.Context;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// A correlation id per request: the caller's <c>X-Request-ID</c> when it is sane, otherwise a
/// new one; echoed in the response and attached to every log line the request causes.
/// </summary>
public static partial class CorrelationId
{
    public const string Header = "X-Request-ID";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = SafeId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (LogContext.PushProperty("CorrelationId", id))
            await next(context);
    });

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeId();
}
