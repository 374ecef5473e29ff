using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>One line per request with the status the client got, whoever set it: a handler, a filter that
/// short-circuited, the exception handler, or the client itself by hanging up.</summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger: left unset, the middleware writes to the static bootstrap logger, which ignores
            // the configured sinks, levels and format (text in production, where everything else is JSON).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, ex) =>
                ex is not null || StatusTheClientGot(context, context.Response.StatusCode) >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(context.RouteTemplate())),
                new LogEventProperty("StatusCode", new ScalarValue(StatusTheClientGot(context, status))),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        // Inside the logging on purpose: an exception that escaped the logging middleware was logged as 500 while the
        // client got what an outer handler or Kestrel made of it (400 for unreadable JSON, 413 for a body over the limit).
        return app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // The client's mistake, answered 4xx: not worth an "unhandled exception" error each time.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
    }

    /// <summary>
    /// Serilog passes 500 for any exception that reaches it, even once the response had started; and a client that
    /// hung up got nothing at all (499, as nginx writes it), whatever status the app then set on a response nobody read.
    /// </summary>
    private static int StatusTheClientGot(HttpContext context, int status) =>
        context.Response.HasStarted ? context.Response.StatusCode
        : context.RequestAborted.IsCancellationRequested ? StatusCodes.Status499ClientClosedRequest
        : status;
}
