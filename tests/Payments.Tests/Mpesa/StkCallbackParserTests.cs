using InvoiceFirst.Data.Payments;
using System.Text;
using InvoiceFirst.Payments.Mpesa;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class StkCallbackParserTests
{
    private const string SpecSuccess = """
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925",
        "ResultCode":0,"ResultDesc":"The service request is processed successfully.",
        "CallbackMetadata":{"Item":[{"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},
        {"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}}
        """;

    private const string SpecFailure = """
        {"Body":{"stkCallback":{"MerchantRequestID":"f1e2-4b95-a71d-b30d3cdbb7a7942864",
        "CheckoutRequestID":"ws_CO_21072024125243250722943992","ResultCode":1032,"ResultDesc":"Request cancelled by user"}}}
        """;

    [Fact]
    public void Parse_SpecSuccessSample_ReadsPaymentFields()
    {
        var result = StkCallbackParser.Parse(Encoding.UTF8.GetBytes(SpecSuccess));

        Assert.True(result.IsValid);
        var cb = result.Callback;
        Assert.Equal("29115-34620561-1", cb.MerchantRequestId);
        Assert.Equal("ws_CO_191220191020363925", cb.CheckoutRequestId);
        Assert.Equal("0", cb.ResultCode);
        Assert.True(cb.IsSuccess);
        Assert.Equal(1, cb.AmountShillings);
        Assert.Equal("NLJ7RT61SV", cb.MpesaReceiptNumber);
        Assert.Equal("20191219102115", cb.TransactionDate);
        Assert.Equal("254708374149", cb.PhoneNumber);
    }

    [Fact]
    public void Parse_SpecFailureSample_CancelledWithoutPaymentFields()
    {
        var result = StkCallbackParser.Parse(SpecFailure);

        Assert.True(result.IsValid);
        Assert.Equal("1032", result.Callback.ResultCode);
        Assert.Equal(PaymentResultStatus.Cancelled, result.Callback.Status);
        Assert.Equal(PaymentFailureKind.Cancelled, result.Callback.FailureKind);
        Assert.Null(result.Callback.AmountShillings);
        Assert.Null(result.Callback.MpesaReceiptNumber);
    }

    [Fact]
    public void Parse_FakeBuiltSuccessWithBalance_ReadsByNameAndRequiresReceipt()
    {
        var json = FakeDarajaCallbacks.Success("ws_CO_X", 1500.00m, "QWE1RTY2UI", 20240710091526, 254111222333, balance: 9000m);
        var withoutReceipt = json.Replace("\"MpesaReceiptNumber\"", "\"Tmp\"");
        var result = StkCallbackParser.Parse(json);

        Assert.True(result.IsValid);
        Assert.Equal(1500, result.Callback.AmountShillings);
        Assert.Equal("QWE1RTY2UI", result.Callback.MpesaReceiptNumber);
        Assert.Equal("254111222333", result.Callback.PhoneNumber);
        Assert.False(StkCallbackParser.Parse(withoutReceipt).IsValid);
    }

    [Fact]
    public void Parse_ItemsInReverseOrder_SameResult()
    {
        var reversed = SpecSuccess.Replace(
            """[{"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},""" + "\n" +
            """{"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]""",
            """[{"Name":"PhoneNumber","Value":254708374149},{"Name":"Balance"},{"Name":"TransactionDate","Value":20191219102115},""" +
            """{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"Amount","Value":1.00}]""");
        Assert.NotEqual(SpecSuccess, reversed);

        var result = StkCallbackParser.Parse(reversed);

        Assert.True(result.IsValid);
        Assert.Equal(StkCallbackParser.Parse(SpecSuccess).Callback, result.Callback);
    }

    [Fact]
    public void Parse_SuccessWithoutMetadata_MalformedButKeepsCheckoutId()
    {
        var json = SpecFailure.Replace("\"ResultCode\":1032", "\"ResultCode\":0");

        var result = StkCallbackParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Equal("ws_CO_21072024125243250722943992", result.CheckoutRequestId);
    }

    [Fact]
    public void Parse_NonWholeAmount_MalformedButKeepsCheckoutId()
    {
        var result = StkCallbackParser.Parse(FakeDarajaCallbacks.Success("ws_CO_Y", 10.50m));

        Assert.False(result.IsValid);
        Assert.Contains("whole", result.Error);
        Assert.Equal("ws_CO_Y", result.CheckoutRequestId);
    }

    [Fact]
    public void Parse_NonNumericResultCode_KeptAsConfigurationFailure()
    {
        var result = StkCallbackParser.Parse(FakeDarajaCallbacks.Failure("ws_CO_Z", "SFC_IC0003", "The operator does not exist."));

        Assert.True(result.IsValid);
        Assert.Equal("SFC_IC0003", result.Callback.ResultCode);
        Assert.Equal(PaymentFailureKind.Configuration, result.Callback.FailureKind);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"Body":{}}""")]
    [InlineData("""{"Body":{"stkCallback":{"ResultCode":0}}}""")]
    public void Parse_MalformedBody_ReturnsErrorWithoutThrowing(string raw)
    {
        var result = StkCallbackParser.Parse(raw);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_ReturnsErrorWithoutThrowing()
    {
        var raw = new string('[', 500) + new string(']', 500);

        Assert.False(StkCallbackParser.Parse(raw).IsValid);
    }
}
