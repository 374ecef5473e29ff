using System.Text.Json;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>
/// A PDF that cannot be rendered never stops a message: the invoice goes out, and the document's own message goes as
/// its text (the caption with the pay link) instead of a document. The sending host's renderer throws, as a broken
/// font or a bug would; everything else is the real host over PostgreSQL and the fake Graph.
/// </summary>
public sealed class PdfRenderFailureTests : IAsyncLifetime
{
    private const string Customer = "254712345678";
    private FakeWhatsAppGraph _graph = null!;
    private BotFactory _factory = null!;
    private WebApplicationFactoryOf _sender = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeWhatsAppGraph.StartAsync();
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["WhatsApp:BaseUrl"] = _graph.BaseUrl,
            ["Documents:WhatsAppPdf"] = "true",
        });
        // A second instance over the same database is the only one that sends, with a renderer that always fails.
        _sender = new WebApplicationFactoryOf(_factory.WithWebHostBuilder(b =>
        {
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Outbox:Enabled"] = "true",
                ["Outbox:PollInterval"] = "00:00:00.200",
            }));
            b.ConfigureTestServices(s => s.AddSingleton<IDocumentRenderer, BrokenRenderer>());
        }));
    }

    public async Task DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task RenderThrows_TheInvoiceAndTheCaptionWithThePayLinkStillGo_NoDocumentIsUploaded()
    {
        await _factory.MarkCustomerWroteAsync(Customer, DateTimeOffset.UtcNow);
        var created = await _factory.ApiClient().PostAsJsonAsync("/invoices", new
        {
            msisdn = Customer,
            items = new object[] { new { description = "Cement", quantity = 2, unit_amount_cents = 75000 } },
        });
        var invoice = await created.Content.ReadFromJsonAsync<JsonElement>();
        var number = invoice.GetProperty("number").GetString()!;

        // Both messages have arrived (they may in either order): the invoice, and the document's caption.
        var caption = await Payments.PaymentHarness.UntilAsync(() => Task.FromResult(ToCustomer().Count() < 2 ? null : ToCustomer()
            .FirstOrDefault(r => r.Json["type"]?.GetValue<string>() == "text" && r.Body.Contains($"Invoice {number} from", StringComparison.Ordinal))));

        var toCustomer = ToCustomer().Select(r => r.Json["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["interactive", "text"], toCustomer.Order()); // the invoice, and the caption alone
        Assert.Contains("/pay/", caption.Json["text"]!["body"]!.GetValue<string>());
        Assert.Empty(_graph.MediaUploads);
    }

    private IEnumerable<RecordedRequest> ToCustomer() =>
        _graph.Requests.All.Where(r => !FakeWhatsAppGraph.IsMediaUpload(r) && FakeWhatsAppGraph.To(r) == Customer);

    private sealed class BrokenRenderer : IDocumentRenderer
    {
        public Task<byte[]?> RenderAsync(DocumentAttachment document, CancellationToken ct) =>
            throw new InvalidOperationException("the font could not be read");
    }

    /// <summary>Starts the derived host now and disposes it with the test.</summary>
    private sealed class WebApplicationFactoryOf(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) : IAsyncDisposable
    {
        private readonly TestServer _server = factory.Server;

        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }
}
