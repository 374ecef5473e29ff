using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Reads a Transaction Status result. Values arrive as strings or numbers, parameters as a list
/// or a single object, some keys repeat or carry no value; null when the body is not a result.
/// </summary>
public static class TransactionStatusParser
{
    public static TransactionStatusResult? Parse(string raw) =>
        DarajaResultBody.Read(raw, (result, code, parameters) => new TransactionStatusResult(code, DarajaJson.Text(result, "ResultDesc") ?? "",
            parameters.GetValueOrDefault("ReceiptNo"), parameters.GetValueOrDefault("Amount"),
            parameters.GetValueOrDefault("TransactionStatus"), parameters.GetValueOrDefault("CreditPartyName")));
}
