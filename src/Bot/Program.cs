using InvoiceFirst.Bot;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Bot.Sandbox;
using InvoiceFirst.Data;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Messaging;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Bot.PayPage;
using InvoiceFirst.Bot.Stats;
using InvoiceFirst.Bot.Retention;
using InvoiceFirst.Payments;
using Serilog;

// Start-up failures before the host exists; the host builds its own logger (several hosts may share a test process).
Log.Logger = Logging.Configure(new LoggerConfiguration(), development: true).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogging();
    builder.Services.AddData(builder.Configuration);
    if (args.FirstOrDefault() == "migrate")
        return await MigrateCommand.RunAsync(builder);
    if (args.FirstOrDefault() == EraseCustomerCommand.Verb)
        return await EraseCustomerCommand.RunAsync(builder, args);
    if (args.FirstOrDefault() == RegisterC2bUrlsCommand.Verb)
        return await RegisterC2bUrlsCommand.RunAsync(builder, Console.Out);

    builder.Services.AddBot(); // first: its start-up tasks (migrations) run before any worker starts
    builder.Services.AddMessagingProviders(builder.Configuration);
    builder.Services.AddOutboxDispatcher();
    builder.Services.AddMpesaClient(builder.Configuration);
    builder.Services.AddApiDocs();
    builder.Services.AddSandbox();
    builder.Services.AddInsight();

    var app = builder.Build();
    app.UseClientAddress();
    app.UseCorrelationId();
    app.UseRequestLogging();
    app.UseRequestMetrics();
    app.UseWebhookBodyLimit();
    app.MapObservability();
    app.MapHealthEndpoints();
    app.MapInvoiceEndpoints();
    app.MapStatsEndpoints();
    app.MapWhatsAppWebhook();
    app.MapPaymentEndpoints();
    app.MapC2bEndpoints();
    app.UsePayPage();
    app.MapSmsWebhooks();
    app.MapProviderHealth();
    app.MapInsightEndpoints();
    if (app.Services.GetRequiredService<BotMode>().IsSandbox)
        app.MapSandbox();
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
