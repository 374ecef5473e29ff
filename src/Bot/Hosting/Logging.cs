using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace InvoiceFirst.Bot.Hosting;

public static class Logging
{
    /// <summary>Readable text when developing, compact JSON (one event per line) everywhere else.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, bool development) =>
        (development
            ? logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            : logger.WriteTo.Console(new RenderedCompactJsonFormatter()))
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        // Its request scope adds the raw RequestPath to every event a request writes, and paths carry pay,
        // callback and URL tokens. CorrelationId stands in for the scope's RequestId.
        .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
        .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
        .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
        .Enrich.FromLogContext();

    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        // ReadFrom.Services: sinks registered in the container join the configured ones (tests capture every event this way).
        builder.Services.AddSerilog((services, logger) => Configure(logger, builder.Environment.IsDevelopment())
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services), preserveStaticLogger: true);
        return builder;
    }
}
