using System.Text;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Twilio;

/// <summary>
/// Plain-text form of a message for Twilio WhatsApp, where we send no interactive payload:
/// the buttons become numbered choices the person can type back.
/// </summary>
internal static class TwilioWhatsAppText
{
    public static string Render(OutboundMessage message)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(message.Header)) text.Append('*').Append(message.Header).Append("*\n\n");
        text.Append(message.Text);
        for (var i = 0; i < message.Buttons.Count; i++)
        {
            text.Append(i == 0 ? "\n\n" : "\n").Append(i + 1).Append(". ").Append(message.Buttons[i].Title);
        }
        if (!string.IsNullOrWhiteSpace(message.Footer)) text.Append("\n\n_").Append(message.Footer).Append('_');
        return text.ToString();
    }
}
