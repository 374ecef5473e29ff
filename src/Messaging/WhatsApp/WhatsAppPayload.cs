using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.WhatsApp.Wire;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>Turns an <see cref="OutboundMessage"/> into the exact Cloud API request body (spec 1.8).</summary>
internal static class WhatsAppPayload
{
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxHeaderOrFooter = 60;
    public const int MaxInteractiveBody = 1024;
    public const int MaxTextBody = 4096;

    /// <summary>
    /// Null when a template is asked for but none is known: a configuration error. <paramref name="to"/> is
    /// a phone number's digits or a <see cref="WhatsAppUserId"/>.
    /// </summary>
    public static WaSendRequest? Build(string to, OutboundMessage message, bool useTemplate, WhatsAppNumber from) =>
        Address(BuildFor(message, useTemplate, from), to);

    private static WaSendRequest? Address(WaSendRequest? request, string to) => request is null ? null
        : WhatsAppUserId.IsMatch(to) ? request with { Recipient = to } : request with { To = to };

    private static WaSendRequest? BuildFor(OutboundMessage message, bool useTemplate, WhatsAppNumber from)
    {
        if (useTemplate) return BuildTemplate(message.Template, from);
        if (message.Buttons.Count == 0)
        {
            return new WaSendRequest
            {
                RecipientType = "individual",
                Type = "text",
                Text = new WaText(false, Truncate(message.Text, MaxTextBody)),
            };
        }

        var buttons = message.Buttons.Take(MaxButtons)
            .Select(b => new WaButton("reply", new WaReply(b.Id, Truncate(b.Title, MaxButtonTitle))))
            .ToList();
        var interactive = new WaInteractive(
            "button",
            string.IsNullOrEmpty(message.Header) ? null : new WaHeader("text", Truncate(message.Header, MaxHeaderOrFooter)),
            new WaBodyText(Truncate(message.Text, MaxInteractiveBody)),
            string.IsNullOrEmpty(message.Footer) ? null : new WaBodyText(Truncate(message.Footer, MaxHeaderOrFooter)),
            new WaAction(buttons));
        return new WaSendRequest { RecipientType = "individual", Type = "interactive", Interactive = interactive };
    }

    /// <summary>A merchant's own number sends its own approved template, whatever name the shared number's has.</summary>
    private static WaSendRequest? BuildTemplate(TemplateMessage? template, WhatsAppNumber from)
    {
        var name = from.IsOwn || string.IsNullOrWhiteSpace(template?.Name) ? from.InvoiceTemplate : template.Name;
        if (template is null || string.IsNullOrWhiteSpace(name)) return null;
        var language = string.IsNullOrWhiteSpace(template.Language) ? from.TemplateLanguage : template.Language;

        var components = new List<WaComponent>();
        if (template.BodyParameters.Count > 0)
        {
            components.Add(new WaComponent
            {
                Type = "body",
                Parameters = template.BodyParameters.Select(p => new WaParameter { Type = "text", Text = p }).ToList(),
            });
        }
        if (!string.IsNullOrEmpty(template.QuickReplyPayload))
        {
            components.Add(new WaComponent
            {
                Type = "button",
                SubType = "quick_reply",
                Index = "0",
                Parameters = [new WaParameter { Type = "payload", Payload = template.QuickReplyPayload }],
            });
        }
        return new WaSendRequest
        {
            Type = "template",
            Template = new WaTemplate(name, new WaLanguage(language), components),
        };
    }

    /// <summary>Cuts to at most <paramref name="max"/> UTF-16 units without splitting a surrogate pair.</summary>
    public static string Truncate(string value, int max)
    {
        if (value.Length <= max) return value;
        var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..cut];
    }
}
