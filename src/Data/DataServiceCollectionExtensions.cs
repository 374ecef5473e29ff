using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Customers;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.MessageLog;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceFirst.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => DatabaseTarget.FromConfiguration(configuration));
        services.AddSingleton<Db>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<MerchantRepository>();
        services.AddSingleton<MerchantApiKeyRepository>();
        services.AddSingleton<Logins.LoginCodeRepository>();
        services.AddSingleton<Logins.DataProtectionKeyRepository>();
        services.AddSingleton<Logins.LoginLinkRepository>();
        services.AddSingleton<Dashboard.AttentionRepository>();
        services.AddSingleton<Dashboard.TrendRepository>();
        services.AddSingleton<Dashboard.CustomerAccounts>();
        services.AddSingleton<Dashboard.InvoiceMessageHistory>();
        services.AddSingleton<Merchants.MerchantMpesaRepository>();
        services.AddSingleton<Merchants.MerchantWhatsAppRepository>();
        services.AddSingleton<WhatsAppWindowRepository>();
        services.AddSingleton<Merchants.SetupLinkRepository>();
        services.AddSingleton<Payments.MerchantPayments>();
        services.AddSingleton<Dashboard.PaymentExportRepository>();
        services.AddSingleton<Ops.OpsAttentionRepository>();
        services.AddSingleton<Ops.DeadLetterRepository>();
        services.AddSingleton<Ops.ReviewQueueRepository>();
        services.AddSingleton<Ops.MerchantVolumeRepository>();
        services.AddSingleton<Retention.RetentionRepository>();
        services.AddSingleton<InvoiceRepository>();
        services.AddSingleton<C2b.C2bConfirmationRepository>();
        services.AddSingleton<Review.ReviewItemRepository>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<InboxRepository>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<OutboxDispatchRepository>();
        services.AddSingleton<SmsUsageRepository>();
        services.AddSingleton<MessageLogRepository>();
        services.AddSingleton<Reminders.ReminderRepository>();
        services.AddSingleton<Stats.StatsRepository>();
        services.AddSingleton<Payments.PaymentRepository>();
        services.AddSingleton<Ledger.LedgerRepository>();
        services.AddSingleton<Payouts.PayoutRepository>();
        services.AddSingleton<Events.EventRepository>();
        services.AddSingleton<Reconciliation.ReconciliationRepository>();
        services.AddSingleton<MerchantSummaryRepository>();
        return services;
    }
}
