using InvoiceFirst.Data.Outbox;
namespace InvoiceFirst.Data.Ops;

/// <summary>An outbox row given up on (status DEAD): what it was for and why, never what it said.</summary>
public sealed record DeadLetter
{
    public long Id { get; init; }
    public long? MerchantId { get; init; }
    public string? MerchantName { get; init; }
    public required OutboxPurpose Purpose { get; init; }
    public string? Channel { get; init; }
    public string? Provider { get; init; }

    /// <summary>The full number: the page shows it masked.</summary>
    public required string Recipient { get; init; }

    /// <summary><c>undeliverable:&lt;code&gt;</c> or <c>outcome_unknown</c> (it may have arrived).</summary>
    public string? LastError { get; init; }
    public string TriedProviders { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was given up on.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public bool MayHaveArrived => LastError == "outcome_unknown";
}
