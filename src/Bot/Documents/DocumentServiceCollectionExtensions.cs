using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Bot.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>The invoice and receipt PDFs: behind the pay link and, rendered by the outbox, as WhatsApp documents.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section);
        services.AddSingleton<InvoiceDocumentBuilder>();
        services.AddSingleton<InvoiceDocumentMessages>();
        services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
        return services;
    }
}
