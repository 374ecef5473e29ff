using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Sandbox;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// The ordered ways a message may leave: WhatsApp first (Meta Cloud, else Twilio WhatsApp), then
/// the SMS providers when the message has an SMS form; SMS only for a message queued as SMS.
/// </summary>
public sealed class ChannelChain(
    IServiceProvider services,
    IOptions<OutboxOptions> outbox,
    IOptions<SmsOptions> sms,
    IOptions<WhatsAppOptions> whatsApp,
    IOptions<AfricasTalkingOptions> africasTalking,
    IOptions<TwilioOptions> twilio)
{
    public IReadOnlyList<IMessageChannel> For(OutboxEntry entry, OutboundMessage message)
    {
        var chain = new List<IMessageChannel>();
        var smsOnly = entry.Channel == ChannelNames.Sms;
        if (outbox.Value.UseSandbox)
        {
            var sandbox = services.GetRequiredService<SandboxChannel>();
            if (!smsOnly) chain.Add(new SandboxMessageChannel(sandbox, ChannelNames.WhatsApp, outbox.Value.SandboxWithoutWhatsApp));
            if (smsOnly || message.SmsText is not null) chain.Add(new SandboxMessageChannel(sandbox, ChannelNames.Sms, []));
            return chain;
        }

        if (!smsOnly)
        {
            // A merchant's own number is Meta's even where the shared number is not.
            if (HasMetaCloud || entry.BusinessNumberId is { Length: > 0 }) chain.Add(services.GetRequiredService<WhatsAppCloudChannel>());
            else if (HasTwilio && Set(twilio.Value.WhatsAppFrom)) chain.Add(services.GetRequiredService<TwilioWhatsAppChannel>());
        }
        if (smsOnly || message.SmsText is not null) chain.AddRange(SmsProviders());
        return chain;
    }

    private IEnumerable<IMessageChannel> SmsProviders()
    {
        foreach (var name in sms.Value.Providers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Equals("AfricasTalking", StringComparison.OrdinalIgnoreCase) &&
                Set(africasTalking.Value.Username) && Set(africasTalking.Value.ApiKey))
                yield return services.GetRequiredService<AfricasTalkingSmsChannel>();
            else if (name.Equals("Twilio", StringComparison.OrdinalIgnoreCase) && HasTwilio && Set(twilio.Value.SmsFrom))
                yield return services.GetRequiredService<TwilioSmsChannel>();
        }
    }

    private bool HasMetaCloud => Set(whatsApp.Value.PhoneNumberId) && Set(whatsApp.Value.AccessToken);

    private bool HasTwilio => Set(twilio.Value.AccountSid) && Set(twilio.Value.AuthToken);

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
}
