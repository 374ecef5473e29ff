using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Sandbox;

/// <summary>One message the sandbox "sent": what a person would have seen, on which channel.</summary>
public sealed record SandboxMessage(
    string Id,
    string Recipient,
    string Channel,
    OutboundMessage Message,
    DateTimeOffset SentAt);
