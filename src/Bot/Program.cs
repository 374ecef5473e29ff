using InvoiceFirst.Bot;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Messaging;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Payments;
using Serilog;

Log.Logger = Logging.Configure(new LoggerConfiguration(), development: true).CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogging();
    builder.Services.AddData(builder.Configuration);
    if (args.FirstOrDefault() == "migrate")
        return await MigrateCommand.RunAsync(builder);

    builder.Services.AddMessagingProviders(builder.Configuration);
    builder.Services.AddBot();
    builder.Services.AddMpesaClient(builder.Configuration);

    var app = builder.Build();
    app.UseCorrelationId();
    app.UseRequestLogging();
    app.MapHealthEndpoints();
    app.MapInvoiceEndpoints();
    app.MapWhatsAppWebhook();
    app.MapPaymentEndpoints();
    app.MapC2bEndpoints();
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
