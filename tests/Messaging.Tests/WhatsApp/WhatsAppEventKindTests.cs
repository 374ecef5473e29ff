using InvoiceFirst.Testing;
using System.Text;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;
using InvoiceFirst.Testing.Fixtures;
using static InvoiceFirst.Testing.Fixtures.WhatsAppFixtures;

namespace InvoiceFirst.Messaging.Tests.WhatsApp;

/// <summary>Every real-world shape in <see cref="WhatsAppFixtures"/> parses to one deliberate kind (or to nothing).</summary>
public sealed class WhatsAppEventKindTests
{
    private const string Sender = "254712345678";
    private const string UserId = "KE.13491208655302741918";

    private static readonly Dictionary<string, string> Values = new()
    {
        ["from"] = Sender, ["text"] = "hello", ["phone_number_id"] = WebhookBuilders.PhoneNumberId, ["user_id"] = UserId,
        ["button_id"] = "pay:inv_1", ["timestamp"] = "1698266730", ["original_id"] = "wamid.original",
    };

    /// <summary>Fixture → what it becomes: kind, the provider type kept for logs, and the one field that matters for it.</summary>
    public static TheoryData<WhatsAppFixture, InboundKind?, string?, string?> Table() => new()
    {
        { Text, InboundKind.Text, null, "text=hello" },
        { TextReply, InboundKind.Text, null, "text=hello" },
        { TextForwarded, InboundKind.Text, null, "text=hello" },
        { TextFrequentlyForwarded, InboundKind.Text, null, "text=hello" },
        { TextReferral, InboundKind.Text, null, "text=hello" },
        { TextUserIdWithPhone, InboundKind.Text, null, "from=" + Sender },
        { TextUserIdOnly, InboundKind.Text, null, "from=" + UserId },
        { TextOtherNumber, InboundKind.Text, null, "number=1122334455667" },
        { Image, InboundKind.Unsupported, "image", null },
        { Video, InboundKind.Text, null, "text=caption" },
        { Document, InboundKind.Text, null, "text=caption" },
        { Audio, InboundKind.Unsupported, "audio", null },
        { Voice, InboundKind.Unsupported, "audio", null },
        { Sticker, InboundKind.Unsupported, "sticker", null },
        { StickerAnimated, InboundKind.Unsupported, "sticker", null },
        { Reaction, InboundKind.Notification, "reaction", null },
        { ReactionRemoved, InboundKind.Notification, "reaction", null },
        { ReactionRemovedNoEmoji, InboundKind.Notification, "reaction", null },
        { Location, InboundKind.Unsupported, "location", null },
        { LocationPlace, InboundKind.Unsupported, "location", null },
        { Contacts, InboundKind.Unsupported, "contacts", null },
        { Order, InboundKind.Unsupported, "order", null },
        { Unsupported, InboundKind.Unsupported, "unsupported", null },
        { InteractiveError, InboundKind.Unsupported, "interactive:unknown", null },
        { ButtonReply, InboundKind.Button, null, "button=pay:inv_1" },
        { ListReply, InboundKind.Button, null, "button=pay:inv_1" },
        { TemplateButton, InboundKind.Button, null, "button=pay:inv_1" },
        { SystemNumberChanged, InboundKind.Notification, "system:user_changed_number", null },
        { SystemUserIdChanged, InboundKind.Notification, "system:user_changed_user_id", null },
        { SystemIdentityChanged, InboundKind.Notification, "system:customer_identity_changed", null },
        { Revoke, InboundKind.Notification, "revoke", null },
        { EditText, InboundKind.Text, null, "edit=wamid.original" },
        { EditCaption, InboundKind.Text, null, "edit=wamid.original" },
        { RequestWelcome, InboundKind.Notification, "request_welcome", null },
        { EchoEdit, null, null, null },
        { StatusSent, InboundKind.Status, null, "status=sent" },
        { StatusFailed, InboundKind.Status, null, "status=failed" },
        { StatusWithTracker, InboundKind.Status, null, "status=read" },
        { TemplateStatusUpdate, null, null, null },
        { UserPreferences, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Parse_RealWorldShape_DeliberateKind(WhatsAppFixture fixture, InboundKind? kind, string? type, string? field)
    {
        var events = EventView.Of(WhatsAppWebhookParser.Parse(Encoding.UTF8.GetBytes(fixture.Render(Values)), DateTimeOffset.UnixEpoch));

        if (kind is null)
        {
            Assert.Empty(events);
            return;
        }
        var e = Assert.Single(events);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(type, e.UnsupportedType);
        if (field is null) return;
        var (name, expected) = (field[..field.IndexOf('=')], field[(field.IndexOf('=') + 1)..]);
        var actual = name switch
        {
            "text" => e.Text,
            "from" => e.From,
            "number" => e.BusinessNumberId,
            "button" => e.ButtonId,
            "edit" => e.EditOf,
            "status" => e.Status,
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Table_CoversEveryFixture() =>
        Assert.Equal(All.Select(f => f.Name).Order(), Table().Select(row => ((WhatsAppFixture)row[0]).Name).Order());

    [Fact]
    public void Parse_MessageOrStatus_CarriesThePhoneNumberIdItWasFor()
    {
        var events = EventView.Of(WhatsAppWebhookParser.Parse(Encoding.UTF8.GetBytes(WebhookBuilders.Envelope(
            [WebhookBuilders.TextMessage(Sender, "hi")], [WebhookBuilders.Status("wamid.s", "sent", Sender)])), DateTimeOffset.UnixEpoch));

        Assert.All(events, e => Assert.Equal(WebhookBuilders.PhoneNumberId, e.BusinessNumberId));
    }

    [Theory]
    [InlineData("""{"from":"254712345678","id":"m","type":"text","text":{"body":"x"}}""", "[]", "254712345678")]
    [InlineData("""{"from_user_id":"KE.1","id":"m","type":"text","text":{"body":"x"}}""", """[{"user_id":"KE.1","wa_id":"254712345678"}]""", "254712345678")]
    [InlineData("""{"from_user_id":"KE.1","id":"m","type":"text","text":{"body":"x"}}""", """[{"user_id":"KE.2","wa_id":"254700000009"}]""", "KE.1")]
    [InlineData("""{"user_id":"KE.1","id":"m","type":"text","text":{"body":"x"}}""", "[]", "KE.1")]
    [InlineData("""{"id":"m","type":"text","text":{"body":"x"}}""", """[{"user_id":"US.ENT.9","profile":{"username":"@a"}}]""", "US.ENT.9")]
    [InlineData("""{"id":"m","type":"text","text":{"body":"x"}}""", """[{"user_id":"not an id"}]""", null)]
    [InlineData("""{"from":"<WHATSAPP_USER_PHONE_NUMBER>","id":"m","type":"text","text":{"body":"x"}}""", """[{"wa_id":"254712345678"}]""", "254712345678")]
    public void Parse_SenderForms_PhoneWhenKnownElseUserId(string message, string contacts, string? from)
    {
        var json = "{\"entry\":[{\"changes\":[{\"value\":{\"contacts\":" + contacts + ",\"messages\":[" + message + "]}}]}]}";
        Assert.Equal(from, Assert.IsType<ChatEvent>(Assert.Single(WhatsAppWebhookParser.Parse(Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch))).From);
    }
}
