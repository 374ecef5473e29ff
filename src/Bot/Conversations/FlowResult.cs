namespace InvoiceFirst.Bot.Conversations;

/// <param name="Replies">Messages to send to the merchant, in order.</param>
/// <param name="CreateInvoice">Set when the merchant confirmed: create and send this invoice, then reply with <see cref="Replies.InvoiceCreated"/>.</param>
/// <param name="InputHandled">False when the flow did not consume the message (no draft, or it just expired): parse it as a command.</param>
public sealed record FlowResult(IReadOnlyList<Reply> Replies, InvoiceDraft? CreateInvoice, bool InputHandled);
