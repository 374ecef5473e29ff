using InvoiceFirst.Testing;
using System.Text;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Messaging.Tests.WhatsApp.WhatsAppWebhookSamples;

namespace InvoiceFirst.Messaging.Tests.WhatsApp;

public sealed class WhatsAppWebhookParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<EventView> Parse(string json) =>
        EventView.Of(WhatsAppWebhookParser.Parse(Encoding.UTF8.GetBytes(json), ReceivedAt));

    [Fact]
    public void Parse_SpecTextSample_OneTextEvent()
    {
        var e = Assert.Single(Parse(TextEnvelope));
        Assert.Equal(InboundKind.Text, e.Kind);
        Assert.Equal(Providers.WhatsApp, e.Provider);
        Assert.Equal("whatsapp", e.Channel);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", e.EventId);
        Assert.Equal("16505551234", e.From);
        Assert.Equal("Does it come in another color?", e.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1749416383), e.Timestamp);
    }

    [Fact]
    public void Parse_ButtonReply_ButtonEventWithReplyId()
    {
        var e = Assert.Single(Parse(Envelope([Change(messages: ButtonReply)])));
        Assert.Equal(InboundKind.Button, e.Kind);
        Assert.Equal("callback_data", e.ButtonId);
        Assert.Equal("972987654321", e.From);
        Assert.Equal("wamid.xyzxyz", e.EventId);
    }

    [Fact]
    public void Parse_ListReply_ButtonEventWithRowId()
    {
        var e = Assert.Single(Parse(Envelope([Change(messages: ListReply)])));
        Assert.Equal(InboundKind.Button, e.Kind);
        Assert.Equal("callback_data", e.ButtonId);
        Assert.Equal("wamid.zyzxyz", e.EventId);
    }

    [Fact]
    public void Parse_TemplateQuickReply_ButtonEventWithPayload()
    {
        var e = Assert.Single(Parse(Envelope([Change(messages: TemplateButton)])));
        Assert.Equal(InboundKind.Button, e.Kind);
        Assert.Equal("pay_mpesa:INV-1029", e.ButtonId);
        Assert.Equal("Pay with M-PESA", e.Text);
    }

    [Fact]
    public void Parse_SentAndFailedStatuses_NormalizedWithErrorCode()
    {
        var events = Parse(Envelope([Change(statuses: SentStatus + "," + FailedStatus)]));
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(InboundKind.Status, e.Kind));
        Assert.Equal(("wamid.xyzxyz:sent", "sent", (string?)null), (events[0].EventId, events[0].Status, events[0].ErrorCode));
        Assert.Equal(("wamid.xyzxyz:failed", "failed", "131047"), (events[1].EventId, events[1].Status, events[1].ErrorCode));
        Assert.Equal("wamid.xyzxyz", events[1].MessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1689380458), events[1].Timestamp);
    }

    [Fact]
    public void Parse_BatchedEntriesAndChanges_EveryItemInOrder()
    {
        var json = Envelope(
            [Change(messages: ButtonReply + "," + ListReply), Change(statuses: SentStatus)],
            [Change(messages: TemplateButton, statuses: FailedStatus)]);
        var events = Parse(json);
        Assert.Equal(
            ["wamid.xyzxyz", "wamid.zyzxyz", "wamid.xyzxyz:sent", "wamid.template-tap", "wamid.xyzxyz:failed"],
            events.Select(e => e.EventId));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("sticker")]
    [InlineData("location")]
    [InlineData("audio")]
    public void Parse_MediaMessage_UnsupportedWithType(string type)
    {
        var message = "{\"from\":\"254712345678\",\"id\":\"wamid.m\",\"timestamp\":\"1\",\"type\":\"" + type
            + "\",\"" + type + "\":{\"id\":\"x\"}}";
        var e = Assert.Single(Parse(Envelope([Change(messages: message)])));
        Assert.Equal(InboundKind.Unsupported, e.Kind);
        Assert.Equal(type, e.UnsupportedType);
    }

    [Fact]
    public void Parse_UnknownFieldsAndMissingOptionals_Tolerated()
    {
        var message = """{"from":"254712345678","id":"wamid.u","type":"text","text":{"body":"hi","extra":[1,2]},"user_id":"US.1","identity_key_hash":"x"}""";
        var e = Assert.Single(Parse(Envelope([Change(messages: message)])));
        Assert.Equal("hi", e.Text);
        Assert.Equal(ReceivedAt, e.Timestamp);
    }

    [Fact]
    public void Parse_OtherStatusesAndIdlessItems_KeptLenientlyOrSkipped()
    {
        var statuses = """{"id":"wamid.d","status":"deleted","timestamp":"1"},{"status":"sent"}""";
        var e = Assert.Single(Parse(Envelope([Change(messages: """{"type":"text"}""", statuses: statuses)])));
        Assert.Equal("deleted", e.Status);
        Assert.False(DeliveryStatusNames.TryParse(e.Status, out _));
    }

    [Fact]
    public void Parse_NoEntries_Empty() =>
        Assert.Empty(Parse("""{"object":"whatsapp_business_account","entry":[]}"""));

    [Theory]
    [InlineData("")]
    [InlineData("{\"object\":")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public void Parse_MalformedBody_ThrowsWebhookFormatException(string body) =>
        Assert.Throws<WebhookFormatException>(() => Parse(body));

    [Fact]
    public void Parse_DeeplyNestedBody_ThrowsWebhookFormatException()
    {
        var deep = "{\"entry\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.Throws<WebhookFormatException>(() => Parse(deep));
    }

    [Fact]
    public void Parse_LargeBatchFromBuilders_AllEventsParsed()
    {
        var messages = Enumerable.Range(0, 1000).Select(i => WebhookBuilders.TextMessage("254712345678", "msg " + i, "wamid." + i));
        var events = Parse(WebhookBuilders.Envelope(messages));
        Assert.Equal(1000, events.Count);
        Assert.Equal("msg 999", events[^1].Text);
    }

    [Fact]
    public void Parse_BuilderNonAsciiText_EscapedOnWireAndDecoded()
    {
        var json = WebhookBuilders.Envelope([WebhookBuilders.TextMessage("254712345678", "café")]);
        Assert.Contains("\\u00E9", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("café", Assert.Single(Parse(json)).Text);
    }

    [Fact]
    public void Parse_BuilderButtonAndStatus_RoundTrip()
    {
        var json = WebhookBuilders.Envelope(
            [WebhookBuilders.ButtonReply("254712345678", "pay:INV-1", "Pay")],
            [WebhookBuilders.Status("wamid.s", "failed", "254712345678", 131026)]);
        var events = Parse(json);
        Assert.Equal("pay:INV-1", events[0].ButtonId);
        Assert.Equal("131026", events[1].ErrorCode);
    }
}
