using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Sandbox;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Tests;

public sealed class MessagingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMessagingProviders_NoConfiguration_DefaultsAndNamedClients()
    {
        using var services = TestServices.Build(new Dictionary<string, string?>());
        var factory = services.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(new Uri("https://graph.facebook.com/"), factory.CreateClient("whatsapp").BaseAddress);
        Assert.Equal(new Uri("https://api.africastalking.com/"), factory.CreateClient("africastalking").BaseAddress);
        Assert.Equal(new Uri("https://api.twilio.com/"), factory.CreateClient("twilio").BaseAddress);
        var options = services.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
        Assert.Equal(("v24.0", "en", 80, 10d), (options.ApiVersion, options.TemplateLanguage, options.MessagesPerSecond, options.TimeoutSeconds));
        Assert.Same(services.GetRequiredService<SandboxChannel>(), services.GetRequiredService<SandboxChannel>());
    }

    [Fact]
    public void AddMessagingProviders_NonPositiveTimeout_ValidationNamesTheKey()
    {
        using var services = TestServices.Build(new Dictionary<string, string?> { ["Twilio:TimeoutSeconds"] = "0" });
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<InvoiceFirst.Messaging.Twilio.TwilioOptions>>().Value);
        Assert.Contains("Twilio:TimeoutSeconds", ex.Message);
    }

    [Fact]
    public async Task WhatsAppClient_ConcurrentSends_EachPostedExactlyOnce()
    {
        await using var graph = await FakeWhatsAppGraph.StartAsync();
        using var services = TestServices.Build(new Dictionary<string, string?>
        {
            ["WhatsApp:BaseUrl"] = graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = "1",
            ["WhatsApp:AccessToken"] = "t",
        });
        var client = services.GetRequiredService<WhatsAppClient>();
        graph.EnqueueStatus(500);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.SendAsync("2547123456" + i.ToString("D2"), new OutboundMessage { Text = "m" + i }, false, CancellationToken.None)));

        var requests = await graph.Requests.WaitForAsync(8, TestServices.Deadline);
        Assert.Equal(8, requests.Count);
        Assert.Equal(7, results.Count(r => r.IsAccepted));
        Assert.Equal(8, requests.Select(r => r.Json["to"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task RequestLog_WaitForMoreThanArrives_TimesOut()
    {
        await using var graph = await FakeWhatsAppGraph.StartAsync();
        await Assert.ThrowsAsync<TimeoutException>(() => graph.Requests.WaitForAsync(1, TimeSpan.FromMilliseconds(100)));
    }
}
