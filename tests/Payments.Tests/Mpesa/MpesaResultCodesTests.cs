using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class MpesaResultCodesTests
{
    [Theory]
    [InlineData("0", null, PaymentResultStatus.Success)]
    [InlineData("1032", PaymentFailureKind.Cancelled, PaymentResultStatus.Cancelled)]
    [InlineData("1037", PaymentFailureKind.NoAnswer, PaymentResultStatus.Failed)]
    [InlineData("2001", PaymentFailureKind.WrongPin, PaymentResultStatus.Failed)]
    [InlineData("1", PaymentFailureKind.InsufficientFunds, PaymentResultStatus.Failed)]
    [InlineData("1019", PaymentFailureKind.Expired, PaymentResultStatus.Failed)]
    [InlineData("2", PaymentFailureKind.LimitExceeded, PaymentResultStatus.Failed)]
    [InlineData("3", PaymentFailureKind.LimitExceeded, PaymentResultStatus.Failed)]
    [InlineData("4", PaymentFailureKind.LimitExceeded, PaymentResultStatus.Failed)]
    [InlineData("8", PaymentFailureKind.LimitExceeded, PaymentResultStatus.Failed)]
    [InlineData("17", PaymentFailureKind.RepeatTooSoon, PaymentResultStatus.Failed)]
    [InlineData("1001", PaymentFailureKind.SubscriberBusy, PaymentResultStatus.Failed)]
    [InlineData("1025", PaymentFailureKind.Transient, PaymentResultStatus.Failed)]
    [InlineData("9999", PaymentFailureKind.Transient, PaymentResultStatus.Failed)]
    [InlineData("26", PaymentFailureKind.Transient, PaymentResultStatus.Failed)]
    [InlineData("2028", PaymentFailureKind.Configuration, PaymentResultStatus.Failed)]
    [InlineData("SFC_IC0003", PaymentFailureKind.Configuration, PaymentResultStatus.Failed)]
    [InlineData("4999", PaymentFailureKind.Pending, PaymentResultStatus.Pending)]
    [InlineData("8006", PaymentFailureKind.PinLocked, PaymentResultStatus.Failed)]
    [InlineData("1031", PaymentFailureKind.Cancelled, PaymentResultStatus.Cancelled)]
    [InlineData("1036", PaymentFailureKind.NoAnswer, PaymentResultStatus.Failed)]
    [InlineData("12345", PaymentFailureKind.Unknown, PaymentResultStatus.NeedsReview)]
    public void StatusOf_SpecCode_MapsToKindAndStatus(string code, PaymentFailureKind? kind, PaymentResultStatus status)
    {
        Assert.Equal(status, MpesaResultCodes.StatusOf(code));
        if (kind is { } expected) Assert.Equal(expected, MpesaResultCodes.KindOf(code));
    }
}
