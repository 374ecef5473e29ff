using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;

namespace InvoiceFirst.Data.Payments;

/// <summary>Either a parsed C2B payment or why the body could not be trusted.</summary>
public sealed record C2bParseResult
{
    [JsonInclude]
    public C2bPayment? Payment { get; private init; }

    [JsonInclude]
    public string? Error { get; private init; }

    /// <summary>The receipt, when it could be read from a body that is otherwise malformed.</summary>
    [JsonInclude]
    public string? TransId { get; private init; }

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Payment))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Payment is not null;

    public static C2bParseResult Ok(C2bPayment payment) => new() { Payment = payment, TransId = payment.TransId };

    public static C2bParseResult Malformed(string error, string? transId = null) => new() { Error = error, TransId = transId };
}
