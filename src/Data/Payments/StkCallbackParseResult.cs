using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;

namespace InvoiceFirst.Data.Payments;

/// <summary>Either a parsed callback or why it could not be trusted.</summary>
public sealed record StkCallbackParseResult
{
    [JsonInclude]
    public StkCallbackResult? Callback { get; private init; }

    /// <summary>Why the body was refused; null when <see cref="Callback"/> is set.</summary>
    [JsonInclude]
    public string? Error { get; private init; }

    /// <summary>Known even for some malformed bodies, so the payment can be flagged for review.</summary>
    [JsonInclude]
    public string? CheckoutRequestId { get; private init; }

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Callback))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Callback is not null;

    public static StkCallbackParseResult Ok(StkCallbackResult callback) =>
        new() { Callback = callback, CheckoutRequestId = callback.CheckoutRequestId };

    public static StkCallbackParseResult Malformed(string error, string? checkoutRequestId = null) =>
        new() { Error = error, CheckoutRequestId = checkoutRequestId };
}
