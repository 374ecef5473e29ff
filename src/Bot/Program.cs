using InvoiceFirst.Bot;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data;
using Serilog;

// Start-up failures before the host exists; the host builds its own logger (several hosts may share a test process).
Log.Logger = Logging.Configure(new LoggerConfiguration(), development: true).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogging();
    builder.ListenOnDefaultUrlWhenUnset();
    builder.Services.AddData(builder.Configuration);
    if (await CommandLineVerbs.TryRunAsync(builder, args) is { } exitCode)
        return exitCode;

    builder.Services.AddBot(builder.Configuration);
    var app = builder.Build();
    app.UseBot();
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
