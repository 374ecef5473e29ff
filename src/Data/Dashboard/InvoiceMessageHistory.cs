using InvoiceFirst.Data.Outbox;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Dashboard;

/// <summary>One message about an invoice that went (or is going) to its customer, as the invoice's history shows it.</summary>
public sealed record CustomerMessage
{
    /// <summary><c>invoice</c>, <c>reminder</c>, <c>receipt</c>, <c>notice</c>, <c>reply</c> (see OutboxPurpose).</summary>
    public required OutboxPurpose Purpose { get; init; }

    /// <summary>The provider that took it (<c>whatsapp</c>, <c>africastalking</c>, …); null before one did.</summary>
    public string? Provider { get; init; }

    /// <summary>The channel it was addressed to: <c>sms</c>, or null for WhatsApp first.</summary>
    public string? Channel { get; init; }
    public required OutboxStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>True when it went (or is to go) by SMS rather than WhatsApp.</summary>
    public bool BySms => Provider is { } p ? p is "africastalking" or "twilio" or "sandbox-sms" : Channel == "sms";
}

/// <summary>The messages an invoice's customer was sent about it, oldest first, for the merchant's own invoice only.</summary>
public sealed class InvoiceMessageHistory(Db db)
{
    public async Task<IReadOnlyList<CustomerMessage>> ListAsync(long merchantId, string invoiceId, string customer, CancellationToken ct)
    {
        const string sql = """
            SELECT purpose, provider, channel, status, created_at, sent_at FROM outbox
            WHERE merchant_id = @merchantId AND invoice_id = @invoiceId AND recipient = @customer
            ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CustomerMessage>(new CommandDefinition(sql, new { merchantId, invoiceId, customer }, cancellationToken: ct)))
            .AsList();
    }
}
