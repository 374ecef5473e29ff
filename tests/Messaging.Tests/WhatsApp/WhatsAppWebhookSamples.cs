namespace InvoiceFirst.Messaging.Tests.WhatsApp;

/// <summary>The samples of spec sections 1.5–1.7, verbatim, and an envelope to batch them in.</summary>
internal static class WhatsAppWebhookSamples
{
    public const string TextEnvelope = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                      "display_phone_number": "15550783881",
                      "phone_number_id": "106540352242922"
                    },
                    "contacts": [
                      {
                        "profile": { "name": "Sheena Nelson" },
                        "wa_id": "16505551234"
                      }
                    ],
                    "messages": [
                      {
                        "from": "16505551234",
                        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                        "timestamp": "1749416383",
                        "type": "text",
                        "text": { "body": "Does it come in another color?" }
                      }
                    ]
                  },
                  "field": "messages"
                }
              ]
            }
          ]
        }
        """;

    public const string ButtonReply = """
        {
          "context": { "from": "1122334455667", "id": "wamid.xyzxyz" },
          "from": "972987654321",
          "id": "wamid.xyzxyz",
          "timestamp": "1698266730",
          "type": "interactive",
          "interactive": {
            "type": "button_reply",
            "button_reply": { "id": "callback_data", "title": "title" }
          }
        }
        """;

    public const string ListReply = """
        {
          "context": { "from": "1122334455667", "id": "wamid.xyzxyz" },
          "from": "972987654321",
          "id": "wamid.zyzxyz",
          "timestamp": "1698266905",
          "type": "interactive",
          "interactive": {
            "type": "list_reply",
            "list_reply": { "id": "callback_data", "title": "title", "description": "optional row description" }
          }
        }
        """;

    public const string TemplateButton = """
        {
          "context": { "from": "15550783881", "id": "wamid.context" },
          "from": "254712345678",
          "id": "wamid.template-tap",
          "timestamp": "1698266731",
          "type": "button",
          "button": { "payload": "pay_mpesa:INV-1029", "text": "Pay with M-PESA" }
        }
        """;

    public const string SentStatus = """
        {
          "id": "wamid.xyzxyz",
          "status": "sent",
          "timestamp": "1698266945",
          "recipient_id": "972987654321",
          "conversation": {
            "id": "7270432eae37498234f4444b35ffc5",
            "expiration_timestamp": "1698339900",
            "origin": { "type": "service" }
          },
          "pricing": { "billable": true, "pricing_model": "CBP", "category": "service" }
        }
        """;

    public const string FailedStatus = """
        {
          "id": "wamid.xyzxyz",
          "status": "failed",
          "timestamp": "1689380458",
          "recipient_id": "972987654321",
          "errors": [
            {
              "code": 131047,
              "title": "Re-engagement message",
              "message": "Re-engagement message",
              "error_data": {
                "details": "More than 24 hours have passed since the recipient last replied to the sender number."
              },
              "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
            }
          ]
        }
        """;

    public static string Change(string? messages = null, string? statuses = null)
    {
        var parts = new List<string> { "\"messaging_product\":\"whatsapp\"" };
        if (messages is not null) parts.Add($"\"messages\":[{messages}]");
        if (statuses is not null) parts.Add($"\"statuses\":[{statuses}]");
        return $"{{\"value\":{{{string.Join(",", parts)}}},\"field\":\"messages\"}}";
    }

    public static string Envelope(params string[][] entries) =>
        "{\"object\":\"whatsapp_business_account\",\"entry\":["
        + string.Join(",", entries.Select((changes, i) => $"{{\"id\":\"{i}\",\"changes\":[{string.Join(",", changes)}]}}"))
        + "]}";
}
