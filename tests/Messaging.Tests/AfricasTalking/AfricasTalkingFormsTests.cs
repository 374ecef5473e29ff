using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.Tests.AfricasTalking;

public sealed class AfricasTalkingFormsTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ParseInbound_SpecFields_TextEventFromDigits()
    {
        var form = new Dictionary<string, string>
        {
            ["date"] = "2025-03-04 10:20:30",
            ["from"] = "+254712345678",
            ["id"] = "9f2a1b3c-inbound",
            ["linkId"] = "SampleLinkId123",
            ["text"] = "PAY",
            ["to"] = "22384",
            ["networkCode"] = "63902",
        };
        var e = AfricasTalkingForms.ParseInbound(form, ReceivedAt);
        Assert.Equal(Providers.AfricasTalking, e.Provider);
        Assert.Equal("sms", e.Channel);
        Assert.Equal(InboundKind.Text, e.Kind);
        Assert.Equal("9f2a1b3c-inbound", e.EventId);
        Assert.Equal("254712345678", e.From);
        Assert.Equal("PAY", e.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 20, 30, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void ParseInbound_MissingId_ThrowsWebhookFormatException() =>
        Assert.Throws<WebhookFormatException>(() =>
            AfricasTalkingForms.ParseInbound(new Dictionary<string, string> { ["from"] = "+254712345678" }, ReceivedAt));

    [Theory]
    [InlineData("Success", "delivered")]
    [InlineData("Sent", "sent")]
    [InlineData("Submitted", "sent")]
    [InlineData("Buffered", "sent")]
    [InlineData("Rejected", "failed")]
    [InlineData("Failed", "failed")]
    [InlineData("AbsentSubscriber", "failed")]
    [InlineData("Expired", "failed")]
    public void ParseDeliveryReport_Status_Normalized(string status, string expected)
    {
        var form = new Dictionary<string, string>
        {
            ["id"] = "ATXid_fabd5d394a3ca5c081d451d2bea93665",
            ["status"] = status,
            ["phoneNumber"] = "+254712345678",
            ["networkCode"] = "63902",
        };
        var e = AfricasTalkingForms.ParseDeliveryReport(form, ReceivedAt);
        Assert.Equal(InboundKind.Status, e.Kind);
        Assert.Equal(expected, e.Status);
        Assert.Equal("ATXid_fabd5d394a3ca5c081d451d2bea93665", e.MessageId);
        Assert.Equal("ATXid_fabd5d394a3ca5c081d451d2bea93665:" + status, e.EventId);
    }

    [Fact]
    public void ParseDeliveryReport_Failed_CarriesFailureReason()
    {
        var form = new Dictionary<string, string> { ["id"] = "ATXid_1", ["status"] = "Failed", ["failureReason"] = "UserInBlackList" };
        Assert.Equal("UserInBlackList", AfricasTalkingForms.ParseDeliveryReport(form, ReceivedAt).ErrorCode);
    }
}
