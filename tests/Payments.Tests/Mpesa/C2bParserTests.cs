using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class C2bParserTests
{
    private const string SpecSample = """
        {"TransactionType":"Pay Bill","TransID":"RKL51ZDR4F","TransTime":"20231121121325","TransAmount":"5.00",
         "BusinessShortCode":"600966","BillRefNumber":"Sample Transaction","InvoiceNumber":"","OrgAccountBalance":"25.00",
         "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
        """;

    [Fact]
    public void Parse_SpecSample_NormalizedPayment()
    {
        var result = C2bParser.Parse(SpecSample);

        Assert.True(result.IsValid);
        Assert.Equal(
            new C2bPayment("RKL51ZDR4F", "20231121121325", 5, "Sample Transaction", "2547 ***** 126", "NICHOLAS",
                "Pay Bill", "600966"),
            result.Payment);
        Assert.Equal("SAMPLETRANSACTION", C2bParser.NormalizeAccount(result.Payment.BillRefNumber));
    }

    [Fact]
    public void Parse_NonWholeAmount_MalformedWithTransId()
    {
        var result = C2bParser.Parse(SpecSample.Replace("\"5.00\"", "\"5.50\""));

        Assert.False(result.IsValid);
        Assert.Equal("RKL51ZDR4F", result.TransId);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("""{"TransAmount":"5"}""")]
    public void Parse_Malformed_ReturnsErrorWithoutThrowing(string raw)
    {
        Assert.False(C2bParser.Parse(raw).IsValid);
    }

    [Theory]
    [InlineData("inv 0042", "INV0042")]
    [InlineData(" INV-0042 ", "INV-0042")]
    [InlineData("Inv-00 42", "INV-0042")]
    public void NormalizeAccount_TypedFreely_UppercaseWithoutSpaces(string typed, string expected)
    {
        Assert.Equal(expected, C2bParser.NormalizeAccount(typed));
    }

    [Fact]
    public void Responses_AcceptAndReject_ExactDarajaBodies()
    {
        Assert.Equal("""{"ResultCode":"0","ResultDesc":"Accepted"}""", C2bResponses.Accept());
        Assert.Equal("""{"ResultCode":"C2B00012","ResultDesc":"Rejected"}""",
            C2bResponses.Reject(C2bRejectReason.InvalidAccountNumber));
    }
}
