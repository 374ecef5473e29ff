using System.Text.Json;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Inbox;

/// <summary>
/// Reads a stored inbox payload back into its typed event. Rows stored before events were typed (one flat
/// record, payment bodies unparsed) are still pending during a rolling deploy: they are read in that shape and
/// upgraded with the same parsers the endpoints use, so no callback is stranded by an upgrade.
/// </summary>
public static class InboxPayload
{
    // System.Text.Json writes the type discriminator first.
    private const string TypedPrefix = "{\"$event\":";

    public static InboundEvent Read(string payload) =>
        (payload.StartsWith(TypedPrefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<InboundEvent>(payload, InboxRepository.Json)
            : JsonSerializer.Deserialize<FlatEvent>(payload, InboxRepository.Json)?.Upgrade())
        ?? throw new JsonException("Empty inbox payload");

    /// <summary>The one-record shape every event had before (kinds as numbers).</summary>
    private sealed record FlatEvent
    {
        public required string Provider { get; init; }
        public required string EventId { get; init; }
        public InboundKind Kind { get; init; }
        public string Channel { get; init; } = Channels.WhatsApp;
        public string? From { get; init; }
        public string? Text { get; init; }
        public string? ButtonId { get; init; }
        public string? UnsupportedType { get; init; }
        public string? EditOf { get; init; }
        public string? BusinessNumberId { get; init; }
        public string? MessageId { get; init; }
        public string? Status { get; init; }
        public string? ErrorCode { get; init; }
        public string? Raw { get; init; }
        public DateTimeOffset Timestamp { get; init; }

        public InboundEvent Upgrade()
        {
            var raw = Raw ?? "";
            return Kind switch
            {
                InboundKind.Status => new DeliveryReport
                {
                    Provider = Provider, EventId = EventId, Timestamp = Timestamp, Channel = Channel, MessageId = MessageId ?? "",
                    Status = Status ?? "", ErrorCode = ErrorCode, Recipient = From, BusinessNumberId = BusinessNumberId,
                },
                InboundKind.StkCallback => new StkCallbackReceived
                {
                    Provider = Provider, EventId = EventId, Timestamp = Timestamp, Token = Text ?? "", Parsed = StkCallbackParser.Parse(raw), Raw = raw,
                },
                InboundKind.C2bConfirmation => new C2bConfirmationReceived
                {
                    Provider = Provider, EventId = EventId, Timestamp = Timestamp, Parsed = C2bParser.Parse(raw), Raw = raw,
                },
                InboundKind.TxStatusResult => new TxStatusResultReceived
                {
                    Provider = Provider, EventId = EventId, Timestamp = Timestamp, Token = Text ?? "", Result = TransactionStatusParser.Parse(raw), Raw = raw,
                },
                _ => new ChatEvent
                {
                    Provider = Provider, EventId = EventId, Timestamp = Timestamp, ChatKind = Kind, Channel = Channel, From = From, Text = Text,
                    ButtonId = ButtonId, UnsupportedType = UnsupportedType, EditOf = EditOf, BusinessNumberId = BusinessNumberId,
                },
            };
        }
    }
}
