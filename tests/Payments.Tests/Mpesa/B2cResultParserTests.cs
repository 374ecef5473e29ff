using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

/// <summary>The B2C result samples of spec 4.12 as test vectors.</summary>
public sealed class B2cResultParserTests
{
    private const string Success = """
        {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
          "OriginatorConversationID":"po-7f3a9c2e41b8","ConversationID":"AG_20240706_2010364430d9bbdaf872",
          "TransactionID":"SG632NMUAB",
          "ResultParameters":{"ResultParameter":[
            {"Key":"TransactionAmount","Value":1500},{"Key":"TransactionReceipt","Value":"SG632NMUAB"},
            {"Key":"ReceiverPartyPublicName","Value":"254712345678 - JANE WANJIKU"},
            {"Key":"TransactionCompletedDateTime","Value":"06.07.2024 22:48:52"},
            {"Key":"B2CUtilityAccountAvailableFunds","Value":8959269.6},
            {"Key":"B2CWorkingAccountAvailableFunds","Value":1199371.0},
            {"Key":"B2CRecipientIsRegisteredCustomer","Value":"Y"},
            {"Key":"B2CChargesPaidAccountAvailableFunds","Value":-1980.0}]},
          "ReferenceData":{"ReferenceItem":{"Key":"QueueTimeoutURL","Value":"https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit"}}}}
        """;

    [Fact]
    public void Parse_SpecSuccess_ReceiptAndIds()
    {
        var result = B2cResultParser.Parse(Success);

        Assert.Equal(new B2cResult("0", "The service request is processed successfully.", "po-7f3a9c2e41b8", "AG_20240706_2010364430d9bbdaf872",
            "SG632NMUAB"), result);
        Assert.True(result!.IsSuccess);
    }

    [Fact]
    public void Parse_SpecFailureWithoutParameters_CodeNoReceipt()
    {
        var result = B2cResultParser.Parse("""
            {"Result":{"ResultType":0,"ResultCode":2001,"ResultDesc":"The initiator information is invalid.",
              "OriginatorConversationID":"po-7f3a9c2e41b8","ConversationID":"AG_20240706_2010364430d9bbdaf872","TransactionID":"SG632NMUAB"}}
            """);

        Assert.Equal("2001", result!.ResultCode);
        Assert.Null(result.Receipt);
        Assert.False(result.IsSuccess);
        Assert.Equal("Wrong initiator name or password", B2cResultCodes.Meaning(result.ResultCode, result.ResultDesc));
    }

    [Fact]
    public void Parse_OneParameterAsAnObject_StillRead()
    {
        var result = B2cResultParser.Parse("""
            {"Result":{"ResultCode":"0","ResultDesc":"ok","ResultParameters":{"ResultParameter":{"Key":"TransactionReceipt","Value":"SG632NMUAB"}}}}
            """);

        Assert.Equal("SG632NMUAB", result!.Receipt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("[]")]
    [InlineData("""{"Result":{"ResultDesc":"no code"}}""")]
    [InlineData("""{"Body":{"stkCallback":{}}}""")]
    public void Parse_NotAResult_Null(string raw) => Assert.Null(B2cResultParser.Parse(raw));

    [Fact]
    public void Meaning_UnknownCode_DarajasOwnWords() =>
        Assert.Equal("Something new", B2cResultCodes.Meaning("9999", "Something new"));
}
