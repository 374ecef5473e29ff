using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class TransactionStatusParserTests
{
    // A Pay Bill Online result as Daraja posts it: numbers for Amount and times, keys without values.
    private const string PayBillResult = """
        {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
         "OriginatorConversationID":"9f6c92024b39880271","ConversationID":"AG_20240702_20303738b089a9fb5233","TransactionID":"SG20000000",
         "ResultParameters":{"ResultParameter":[{"Key":"DebitPartyName","Value":"2547****126 - NICHOLAS"},
           {"Key":"CreditPartyName","Value":"490742 - FINGO  AFRICA BY ECOBANK"},{"Key":"InitiatedTime","Value":20240629184302},
           {"Key":"CreditPartyCharges"},{"Key":"ReasonType","Value":"Pay Bill Online"},{"Key":"TransactionStatus","Value":"Completed"},
           {"Key":"Amount","Value":300},{"Key":"ReceiptNo","Value":"SFT4GH7K2L"},{"Key":"DebitPartyName","Value":"second copy"}]},
         "ReferenceData":{"ReferenceItem":{"Key":"Occasion","Value":"OK"}}}}
        """;

    [Fact]
    public void Parse_PayBillResult_ReadsReceiptAmountStatusAndCreditParty()
    {
        var result = TransactionStatusParser.Parse(PayBillResult);

        Assert.Equal(new TransactionStatusResult("0", "The service request is processed successfully.", "SFT4GH7K2L", "300", "Completed",
            "490742 - FINGO  AFRICA BY ECOBANK"), result);
    }

    [Fact]
    public void Parse_SingleParameterObjectAndStringCode_Read()
    {
        var result = TransactionStatusParser.Parse("""
            {"Result":{"ResultCode":"0","ResultDesc":"ok","ResultParameters":{"ResultParameter":{"Key":"ReceiptNo","Value":"ABC"}}}}
            """);

        Assert.Equal("ABC", result!.ReceiptNo);
        Assert.Null(result.Amount);
    }

    [Fact]
    public void Parse_NonNumericCodeWithoutParameters_Read()
    {
        var result = TransactionStatusParser.Parse("""
            {"Result":{"ResultType":0,"ResultCode":"SFC_IC0003","ResultDesc":"Receiver party is invalid","TransactionID":"TK61000000"}}
            """);

        Assert.Equal("SFC_IC0003", result!.ResultCode);
        Assert.Null(result.TransactionStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"Result\":[]}")]
    [InlineData("{\"Result\":{\"ResultDesc\":\"no code\"}}")]
    [InlineData("{\"Body\":{\"stkCallback\":{}}}")]
    public void Parse_NotAResult_Null(string raw) => Assert.Null(TransactionStatusParser.Parse(raw));
}
