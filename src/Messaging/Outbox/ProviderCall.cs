using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Makes a channel's one provider request on the outbox's terms: once a rate slot is free, inside
/// the provider's breaker, timed for its health. A channel answers without it only when it sends
/// nothing (no way to reach this person): such an answer counts neither for the breaker nor for health.
/// </summary>
public delegate Task<SendResult> ProviderCall(Func<Task<SendResult>> request);
