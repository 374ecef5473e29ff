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
        services.AddSingleton<CustomerRepository>();
        services.AddSingleton<Retention.RetentionRepository>();
        services.AddSingleton<InvoiceRepository>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<InboxRepository>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<OutboxDispatchRepository>();
        services.AddSingleton<MessageLogRepository>();
        services.AddSingleton<Payments.PaymentRepository>();
        return services;
    }
}
