using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Reads a B2C result leniently: codes and values as strings or numbers, parameters as a list or one object. Null
/// when the body is not a result.
/// </summary>
public static class B2cResultParser
{
    public static B2cResult? Parse(string raw) =>
        DarajaResultBody.Read(raw, (result, code, parameters) => new B2cResult(code, DarajaJson.Text(result, "ResultDesc") ?? "",
            DarajaJson.Text(result, "OriginatorConversationID"), DarajaJson.Text(result, "ConversationID"),
            parameters.GetValueOrDefault("TransactionReceipt") is { } receipt && !string.IsNullOrWhiteSpace(receipt) ? receipt : null));
}
