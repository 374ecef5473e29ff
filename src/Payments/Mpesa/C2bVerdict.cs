using InvoiceFirst.Data.Payments;
using System.Globalization;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Whether a Transaction Status result proves a Paybill/Till confirmation real.</summary>
public abstract record C2bVerdict
{
    // Our initiator's problems or M-PESA being busy say nothing about the payment: ask again later.
    private static readonly HashSet<string> InconclusiveCodes = ["2001", "8006", "17", "26"];

    private C2bVerdict()
    {
    }

    /// <summary>Completed, with the same receipt, amount and shortcode: the money is real.</summary>
    public sealed record Confirmed : C2bVerdict;

    /// <summary>M-PESA denies it, or it describes another payment: it must not count.</summary>
    public sealed record Denied(string Reason) : C2bVerdict;

    /// <summary>No verdict yet (still processing, our initiator refused): ask again.</summary>
    public sealed record Inconclusive(string Reason) : C2bVerdict;

    public static C2bVerdict Judge(TransactionStatusResult result, string transId, long amountShillings, string shortCode)
    {
        if (result.ResultCode != "0")
            return InconclusiveCodes.Contains(result.ResultCode)
                ? new Inconclusive($"Transaction Status answered {result.ResultCode}")
                : new Denied($"Transaction Status answered {result.ResultCode}");
        switch (result.TransactionStatus?.Trim().ToUpperInvariant())
        {
            case "COMPLETED":
                break;
            case "CANCELLED" or "DECLINED" or "EXPIRED":
                return new Denied($"M-PESA says the transaction is {result.TransactionStatus}");
            default:
                return new Inconclusive($"M-PESA says the transaction is {result.TransactionStatus ?? "of unknown status"}");
        }
        if (!string.Equals(result.ReceiptNo, transId, StringComparison.OrdinalIgnoreCase))
            return new Denied("the receipt differs");
        if (!decimal.TryParse(result.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount != amountShillings)
            return new Denied("the amount differs");
        // "490742 - FINGO AFRICA": the paid organisation's shortcode, then its name.
        var credit = result.CreditPartyName?.Trim() ?? "";
        if (!(credit == shortCode || credit.StartsWith(shortCode + " ", StringComparison.Ordinal)))
            return new Denied("the shortcode differs");
        return new Confirmed();
    }
}
