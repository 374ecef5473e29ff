using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class ProviderHealthTests
{
    [Fact]
    public async Task ProvidersHealth_WhatsAppFailingAndSmsWorking_TellsTheTruthFromRealSends()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["WhatsApp:InvoiceTemplate"] = "invoice_v1",
            ["Outbox:MaxAttemptsPerProvider"] = "8",
        });
        for (var i = 0; i < 12; i++) host.Graph.EnqueueStatus(500);

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);
        await host.AfricasTalking.Requests.WaitForAsync(1, TimeSpan.FromSeconds(20));

        using var api = host.Bot.ApiClient();
        var report = (await api.GetFromJsonAsync<JsonElement>("/providers/health")).GetProperty("providers")
            .EnumerateArray().ToDictionary(p => p.GetProperty("provider").GetString()!);
        var whatsApp = report["whatsapp"];
        var sms = report["africastalking"];

        Assert.Equal("down", whatsApp.GetProperty("status").GetString());
        Assert.Equal("open", whatsApp.GetProperty("breaker").GetString());
        Assert.Equal(0, whatsApp.GetProperty("success_rate").GetDouble());
        Assert.Equal("healthy", sms.GetProperty("status").GetString());
        Assert.Equal(1, sms.GetProperty("success_rate").GetDouble());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Bot.CreateClient().GetAsync("/providers/health")).StatusCode);
    }
}
