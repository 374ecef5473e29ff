using System.Text.Json.Serialization;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Conversations;

// A closed hierarchy that only exists together, so it shares one file.

/// <summary>A question the bot asked and the answer it waits for; a message that does not answer it drops it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DuplicateQuestion), "duplicate")]
[JsonDerivedType(typeof(RenameQuestion), "rename")]
[JsonDerivedType(typeof(CustomerChoice), "customer")]
[JsonDerivedType(typeof(InvoiceChoice), "pay")]
public abstract record ChatQuestion(DateTimeOffset AskedAt)
{
    /// <summary>Like an unfinished draft: after this long a Yes means nothing any more.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(30);
}

/// <summary>"You sent INV-0025 2 minutes ago. Send another?" — Yes sends <paramref name="Invoice"/>.</summary>
public sealed record DuplicateQuestion(DateTimeOffset AskedAt, PendingInvoice Invoice, string SentNumber) : ChatQuestion(AskedAt);

/// <summary>"0712345678 is saved as John Kamau. Save as Jane?" — Yes renames.</summary>
public sealed record RenameQuestion(DateTimeOffset AskedAt, string Msisdn, string Name) : ChatQuestion(AskedAt);

/// <summary>Several saved customers match the name: the answer's number picks who gets <paramref name="Invoice"/>.</summary>
public sealed record CustomerChoice(DateTimeOffset AskedAt, IReadOnlyList<SavedCustomer> Options, PendingInvoice Invoice)
    : ChatQuestion(AskedAt);

/// <summary>A customer with several unpaid invoices said PAY: which one.</summary>
public sealed record InvoiceChoice(DateTimeOffset AskedAt, IReadOnlyList<PayOption> Options) : ChatQuestion(AskedAt);

public sealed record PayOption(string InvoiceId, string Number);

/// <summary>An invoice from chat not sent yet, waiting for an answer. <paramref name="Msisdn"/> is null until a customer is picked.</summary>
public sealed record PendingInvoice(string? Msisdn, string? CustomerName, long AmountCents, string Description, string IdempotencyKey,
    string? ReplyChannel, IReadOnlyList<InvoiceItem>? Items = null);
