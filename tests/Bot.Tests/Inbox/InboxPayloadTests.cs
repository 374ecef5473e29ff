using System.Text.Json;
using InvoiceFirst.Bot.Inbox;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Tests.Inbox;

/// <summary>
/// The inbox stores each event as typed JSON and reads back the same event; a row stored by the version before
/// events were typed (one flat record, kinds as numbers, payment bodies unparsed) still reads as the right event.
/// </summary>
public sealed class InboxPayloadTests
{
    private const string SuccessBody = """
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925",
        "ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
        {"Name":"Amount","Value":1500},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"TransactionDate","Value":20191219102115},
        {"Name":"PhoneNumber","Value":254708374149}]}}}}
        """;

    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<InboundEvent> Events => new()
    {
        new ChatEvent { Provider = Providers.WhatsApp, EventId = "wamid.1", ChatKind = InboundKind.Text, From = "254712345678", Text = "list", Timestamp = At, BusinessNumberId = "1065" },
        new ChatEvent { Provider = Providers.Twilio, EventId = "SM1", ChatKind = InboundKind.Button, Channel = Channels.Sms, From = "254712345678", ButtonId = "pay_mpesa:inv_1", Timestamp = At },
        new DeliveryReport { Provider = Providers.WhatsApp, EventId = "wamid.2:failed", MessageId = "wamid.2", Status = "failed", ErrorCode = "131047", Recipient = "254712345678", Timestamp = At },
        new StkCallbackReceived { Provider = Providers.Mpesa, EventId = "stk:ws_CO_191220191020363925:0", Token = "tok", Parsed = StkCallbackParser.Parse(SuccessBody), Raw = SuccessBody, Timestamp = At },
        new C2bConfirmationReceived { Provider = Providers.Mpesa, EventId = "c2b:unreadable:x", Parsed = C2bParser.Parse("{}"), Raw = "{}", Timestamp = At },
        new TxStatusResultReceived { Provider = Providers.Mpesa, EventId = "txstatus:t:d", Token = "t", Result = null, Raw = "<html>", Timestamp = At },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Read_WhatWasStored_IsTheSameEvent(InboundEvent stored)
    {
        var read = InboxPayload.Read(JsonSerializer.Serialize(stored, InboxRepository.Json));

        Assert.Equal(stored.GetType(), read.GetType());
        Assert.Equal(JsonSerializer.Serialize(stored, InboxRepository.Json), JsonSerializer.Serialize(read, InboxRepository.Json));
    }

    [Fact]
    public void Read_StkCallbackStoredBeforeTypes_ParsedWithItsToken()
    {
        var legacy = JsonSerializer.Serialize(new { provider = "mpesa", eventId = "stk:ws_CO_1:0", kind = (int)InboundKind.StkCallback,
            text = "the-token", raw = SuccessBody, timestamp = At }, InboxRepository.Json);

        var read = Assert.IsType<StkCallbackReceived>(InboxPayload.Read(legacy));

        Assert.Equal("the-token", read.Token);
        Assert.True(read.Parsed.IsValid);
        Assert.Equal(("NLJ7RT61SV", 1500L), (read.Parsed.Callback.MpesaReceiptNumber, read.Parsed.Callback.AmountShillings!.Value));
        Assert.Equal(SuccessBody, read.Raw);
    }

    [Fact]
    public void Read_TextStoredBeforeTypes_ChatEventWithItsFields()
    {
        var legacy = JsonSerializer.Serialize(new { provider = "africastalking", eventId = "at-1", kind = (int)InboundKind.Text,
            channel = "sms", from = "254712345678", text = "PAY", timestamp = At }, InboxRepository.Json);

        var read = Assert.IsType<ChatEvent>(InboxPayload.Read(legacy));

        Assert.Equal((InboundKind.Text, "sms", "254712345678", "PAY"), (read.Kind, read.Channel, read.From, read.Text));
    }

    [Fact]
    public void Read_StatusStoredBeforeTypes_DeliveryReportNamingTheRecipient()
    {
        var legacy = JsonSerializer.Serialize(new { provider = "whatsapp", eventId = "w:read", kind = (int)InboundKind.Status,
            messageId = "w", status = "read", from = "254712345678", timestamp = At }, InboxRepository.Json);

        var read = Assert.IsType<DeliveryReport>(InboxPayload.Read(legacy));

        Assert.Equal(("w", "read", "254712345678"), (read.MessageId, read.Status, read.Recipient));
    }
}
