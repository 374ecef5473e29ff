using InvoiceFirst.Data.Payments;
using System.Globalization;
using System.Text.Json;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Parses C2B validation/confirmation bodies (spec 4.8). Never throws on bad input.</summary>
public static class C2bParser
{
    public static C2bParseResult Parse(string raw)
    {
        C2bWireNotification? wire;
        try
        {
            wire = JsonSerializer.Deserialize<C2bWireNotification>(raw ?? "", DarajaJson.Options);
        }
        catch (JsonException)
        {
            return C2bParseResult.Malformed("Body is not valid JSON");
        }

        if (wire is null) return C2bParseResult.Malformed("Empty body");
        var transId = wire.TransId?.Trim();
        if (string.IsNullOrEmpty(transId)) return C2bParseResult.Malformed("Missing TransID");

        if (!decimal.TryParse(wire.TransAmount, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var amount))
            return C2bParseResult.Malformed("TransAmount is not a number", transId);
        // Daraja says C2B supports whole shillings only; anything else is not ours to guess at.
        if (amount != decimal.Truncate(amount) || amount <= 0 || amount > long.MaxValue)
            return C2bParseResult.Malformed("TransAmount is not a whole number of shillings", transId);

        return C2bParseResult.Ok(new C2bPayment(
            TransId: transId,
            TransTime: wire.TransTime?.Trim() ?? "",
            AmountShillings: (long)amount,
            BillRefNumber: wire.BillRefNumber?.Trim() ?? "",
            MaskedMsisdn: wire.Msisdn?.Trim() ?? "",
            FirstName: wire.FirstName?.Trim() ?? "",
            TransactionType: wire.TransactionType?.Trim() ?? "",
            BusinessShortCode: wire.BusinessShortCode?.Trim() ?? ""));
    }

    /// <summary>Customers type account numbers freely: compare upper-case with all whitespace removed.</summary>
    public static string NormalizeAccount(string? billRef) =>
        string.Concat((billRef ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
