using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class C2bVerdictTests
{
    private static TransactionStatusResult Completed(string receipt = "RKL51ZDR4F", string amount = "1500", string credit = "174379 - ACME",
        string status = "Completed", string code = "0") =>
        new(code, "", receipt, amount, status, credit);

    private static C2bVerdict Judge(TransactionStatusResult result) => C2bVerdict.Judge(result, "RKL51ZDR4F", 1500, "174379");

    [Theory]
    [InlineData("RKL51ZDR4F", "1500", "174379 - ACME")]
    [InlineData("rkl51zdr4f", "1500.00", "174379 - ACME")]
    [InlineData("RKL51ZDR4F", "1500", "174379")]
    public void Judge_SameReceiptAmountAndShortcode_Confirmed(string receipt, string amount, string credit) =>
        Assert.IsType<C2bVerdict.Confirmed>(Judge(Completed(receipt, amount, credit)));

    [Theory]
    [InlineData("RKL51ZDR4G", "1500", "174379 - ACME", "Completed", "receipt")]
    [InlineData("RKL51ZDR4F", "1501", "174379 - ACME", "Completed", "amount")]
    [InlineData("RKL51ZDR4F", "abc", "174379 - ACME", "Completed", "amount")]
    [InlineData("RKL51ZDR4F", "1500", "1743790 - OTHER", "Completed", "shortcode")]
    [InlineData("RKL51ZDR4F", "1500", "600000 - OTHER", "Completed", "shortcode")]
    [InlineData("RKL51ZDR4F", "1500", "174379 - ACME", "Cancelled", "Cancelled")]
    [InlineData("RKL51ZDR4F", "1500", "174379 - ACME", "Declined", "Declined")]
    [InlineData("RKL51ZDR4F", "1500", "174379 - ACME", "Expired", "Expired")]
    public void Judge_AnotherPaymentOrNotCompleted_Denied(string receipt, string amount, string credit, string status, string reason)
    {
        var denied = Assert.IsType<C2bVerdict.Denied>(Judge(Completed(receipt, amount, credit, status)));
        Assert.Contains(reason, denied.Reason);
    }

    [Theory]
    [InlineData("R000001")]
    [InlineData("SFC_IC0003")]
    [InlineData("1")]
    public void Judge_NonZeroCode_Denied(string code) => Assert.IsType<C2bVerdict.Denied>(Judge(Completed(code: code)));

    [Theory]
    [InlineData("2001", "Completed")]
    [InlineData("26", "Completed")]
    [InlineData("0", "Pending Authorized")]
    [InlineData("0", "Initiated")]
    public void Judge_OurInitiatorOrStillProcessing_Inconclusive(string code, string status) =>
        Assert.IsType<C2bVerdict.Inconclusive>(Judge(Completed(code: code, status: status)));
}
