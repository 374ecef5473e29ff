using InvoiceFirst.Bot;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data;
using Serilog;

Log.Logger = Logging.Configure(new LoggerConfiguration(), development: true).CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogging();
    builder.Services.AddData(builder.Configuration);
    if (args.FirstOrDefault() == "migrate")
        return await MigrateCommand.RunAsync(builder);

    var mode = StartupCheck.Run(builder.Configuration);
    if (mode is null) return 1;
    builder.Services.AddBot(builder.Configuration, mode.Value);

    var app = builder.Build();
    app.UseCorrelationId();
    app.UseRequestLogging();
    app.MapHealthEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "InvoiceFirst stopped: {Reason}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
