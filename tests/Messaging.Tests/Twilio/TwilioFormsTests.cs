using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.Twilio;

namespace InvoiceFirst.Messaging.Tests.Twilio;

public sealed class TwilioFormsTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ParseInbound_WhatsAppText_WhatsAppChannelDigitsFrom()
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC00000000000000000000000000000001",
            ["Body"] = "Hello",
            ["From"] = "whatsapp:+254712345678",
            ["MessageSid"] = "SM00000000000000000000000000000001",
            ["NumMedia"] = "0",
            ["ProfileName"] = "Jane",
            ["To"] = "whatsapp:+14155238886",
            ["WaId"] = "254712345678",
        };
        var e = TwilioForms.ParseInbound(form, ReceivedAt);
        Assert.Equal((Providers.Twilio, "whatsapp", InboundKind.Text), (e.Provider, e.Channel, e.Kind));
        Assert.Equal(("SM00000000000000000000000000000001", "254712345678", "Hello"), (e.EventId, e.From, e.Text));
        Assert.Equal(ReceivedAt, e.Timestamp);
    }

    [Fact]
    public void ParseInbound_Sms_SmsChannel()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["From"] = "+254712345678", ["Body"] = "PAY", ["NumMedia"] = "0" };
        var e = TwilioForms.ParseInbound(form, ReceivedAt);
        Assert.Equal(("sms", InboundKind.Text, "PAY"), (e.Channel, e.Kind, e.Text));
    }

    [Fact]
    public void ParseInbound_ButtonPayload_ButtonEvent()
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM2", ["From"] = "whatsapp:+254712345678", ["Body"] = "Pay with M-PESA",
            ["ButtonText"] = "Pay with M-PESA", ["ButtonPayload"] = "pay_mpesa:INV-1029", ["NumMedia"] = "0",
        };
        var e = TwilioForms.ParseInbound(form, ReceivedAt);
        Assert.Equal((InboundKind.Button, "pay_mpesa:INV-1029"), (e.Kind, e.ButtonId));
    }

    [Fact]
    public void ParseInbound_MediaWithoutBody_Unsupported()
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "MM3", ["From"] = "whatsapp:+254712345678", ["Body"] = "", ["NumMedia"] = "1",
            ["MediaContentType0"] = "image/jpeg", ["MessageType"] = "image",
        };
        var e = TwilioForms.ParseInbound(form, ReceivedAt);
        Assert.Equal((InboundKind.Unsupported, "image"), (e.Kind, e.UnsupportedType));
    }

    [Theory]
    [InlineData("queued", "queued")]
    [InlineData("accepted", "queued")]
    [InlineData("sending", "queued")]
    [InlineData("scheduled", "queued")]
    [InlineData("sent", "sent")]
    [InlineData("delivered", "delivered")]
    [InlineData("read", "read")]
    [InlineData("failed", "failed")]
    [InlineData("undelivered", "failed")]
    [InlineData("canceled", "failed")]
    public void ParseStatus_MessageStatus_Normalized(string status, string expected)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM4", ["MessageStatus"] = status, ["To"] = "+254712345678" };
        var e = TwilioForms.ParseStatus(form, ReceivedAt);
        Assert.Equal((InboundKind.Status, expected, "SM4", "SM4:" + status), (e.Kind, e.Status, e.MessageId, e.EventId));
    }

    [Fact]
    public void ParseStatus_Undelivered_CarriesErrorCodeAndChannel()
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM5", ["MessageStatus"] = "undelivered", ["ErrorCode"] = "63016", ["To"] = "whatsapp:+254712345678",
        };
        var e = TwilioForms.ParseStatus(form, ReceivedAt);
        Assert.Equal(("63016", "whatsapp"), (e.ErrorCode, e.Channel));
    }
}
