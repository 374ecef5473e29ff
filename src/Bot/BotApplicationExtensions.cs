using InvoiceFirst.Bot.Documents;
using InvoiceFirst.Bot.Dashboard;
using InvoiceFirst.Bot.MpesaSetup;
using InvoiceFirst.Bot.Merchants;
using InvoiceFirst.Bot.Ops;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Bot.PayPage;
using InvoiceFirst.Bot.Sandbox;
using InvoiceFirst.Bot.Stats;
using InvoiceFirst.Bot.Webhooks;

namespace InvoiceFirst.Bot;

public static class BotApplicationExtensions
{
    /// <summary>The request pipeline and every endpoint, in order; the sandbox only in Sandbox mode.</summary>
    public static WebApplication UseBot(this WebApplication app)
    {
        app.UseClientAddress();
        app.UseCorrelationId();
        app.UseRequestLogging();
        app.UseRequestMetrics();
        app.UseWebhookBodyLimit();
        app.UseBrowserPagesOverHttps();
        app.MapObservability();
        app.MapHealthEndpoints();
        app.MapInvoiceEndpoints();
        app.MapStatsEndpoints();
        app.MapMerchantEndpoints();
        app.MapPayoutEndpoints();
        app.MapWhatsAppWebhook();
        app.MapPaymentEndpoints();
        app.MapPayoutResultEndpoints();
        app.MapC2bEndpoints();
        app.UsePayPage();
        app.MapDocuments();
        app.MapDashboard();
        app.MapMpesaSetup();
        app.MapOps();
        app.MapSmsWebhooks();
        app.MapProviderHealth();
        app.MapInsightEndpoints();
        if (app.Services.GetRequiredService<BotMode>().IsSandbox)
            app.MapSandbox();
        return app;
    }
}
