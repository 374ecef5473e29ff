using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using static InvoiceFirst.Integration.Tests.Fixtures.FixtureEffect;
using static InvoiceFirst.Testing.Fixtures.WhatsAppFixtures;

namespace InvoiceFirst.Integration.Tests.Fixtures;

/// <summary>
/// Each real-world WhatsApp shape (see <see cref="Testing.Fixtures.WhatsAppFixtures"/> for where each comes
/// from) from a merchant or a customer, and the one outcome it must have.
/// </summary>
public static class WhatsAppFixtureCases
{
    public const string Merchant = BotFactory.MerchantPhone;
    public const string Customer = MessagingHost.Customer;
    public const string UserId = "KE.13491208655302741918";
    public const string Command = MessagingHost.Command;

    private const string TextOnly = "I can only read text";
    private const string PayHint = "To pay, tap";

    public static IEnumerable<FixtureCase> All()
    {
        // Text in every wrapping is read as text.
        yield return new("text from the merchant: an invoice", Text, Merchant, Invoice(Customer, Merchant)) { Text = Command };
        yield return new("text from a customer: how to pay", Text, Customer, Says(Customer, PayHint)) { Setup = FixtureSetup.Invoice };
        yield return new("reply quoting our message", TextReply, Merchant, Says(Merchant, "InvoiceFirst commands")) { Text = "help" };
        yield return new("forwarded text", TextForwarded, Customer, Says(Customer, PayHint)) { Setup = FixtureSetup.Invoice };
        yield return new("frequently forwarded command", TextFrequentlyForwarded, Merchant, Invoice(Customer, Merchant)) { Text = Command };
        yield return new("ad click-to-chat PAY: the text counts, the referral does not", TextReferral, Customer, PaymentStarted(Customer))
        {
            Text = "PAY", Setup = FixtureSetup.Invoice,
        };

        // Business-scoped user ids (usernames).
        yield return new("user id with the phone in contacts: the merchant", TextUserIdWithPhone, Merchant, Invoice(Customer, Merchant)) { Text = Command };
        // Nobody invoiced a bare user id: it is a number nobody knows, and hears the welcome.
        yield return new("user id only: answered at the id", TextUserIdOnly, UserId, Says(UserId, "Reply REGISTER"));

        // Another business number of the same Meta app.
        yield return new("command to another phone number id: stored, no effect", TextOtherNumber, Merchant, Nothing()) { Text = Command };

        // A caption is read as the text; what we cannot read gets a reply that says what to type instead
        // (matched on the wire body, where an apostrophe is escaped).
        yield return new("image from a customer", Image, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("image from the merchant", Image, Merchant, Says(Merchant, "read photos, videos or files. Type your message"));
        yield return new("video with caption: the caption is read", Video, Customer, Says(Customer, PayHint)) { Setup = FixtureSetup.Invoice };
        yield return new("document with caption: the caption is read", Document, Customer, Says(Customer, PayHint)) { Setup = FixtureSetup.Invoice };
        yield return new("audio", Audio, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("voice note", Voice, Merchant, Says(Merchant, "listen to voice notes. Please type it"));
        yield return new("sticker", Sticker, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("animated sticker", StickerAnimated, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("location", Location, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("named place", LocationPlace, Merchant, Says(Merchant, "use a location. Type what you need"));
        yield return new("contact cards", Contacts, Merchant, Says(Merchant, "contact cards. Type the customer"));
        yield return new("catalog order", Order, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("unsupported type", Unsupported, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };
        yield return new("interactive without a body", InteractiveError, Customer, Says(Customer, TextOnly)) { Setup = FixtureSetup.Invoice };

        // Things that happened in the chat and ask for nothing.
        yield return new("reaction from a customer", Reaction, Customer, Nothing());
        yield return new("reaction from the merchant", Reaction, Merchant, Nothing());
        yield return new("reaction removed", ReactionRemoved, Customer, Nothing());
        yield return new("reaction removed, no emoji field", ReactionRemovedNoEmoji, Merchant, Nothing());
        yield return new("number changed", SystemNumberChanged, Customer, Nothing());
        yield return new("number changed, the merchant", SystemNumberChanged, Merchant, Nothing());
        yield return new("user id changed", SystemUserIdChanged, Customer, Nothing());
        yield return new("identity changed", SystemIdentityChanged, Customer, Nothing());
        yield return new("deleted message from a customer", Revoke, Customer, Nothing()) { Setup = FixtureSetup.Original, Original = "hello" };
        yield return new("deleted invoice command: the invoice stays, nothing more", Revoke, Merchant, Nothing())
        {
            Setup = FixtureSetup.Original, Original = Command,
        };
        yield return new("edited caption: read as the new text", EditCaption, Customer, Says(Customer, PayHint))
        {
            Setup = FixtureSetup.InvoiceAndOriginal, Original = "hello",
        };
        yield return new("chat opened", RequestWelcome, Customer, Nothing());

        // Taps.
        yield return new("reply button: pay", ButtonReply, Customer, PaymentStarted(Customer)) { Setup = FixtureSetup.Invoice };
        yield return new("list row", ListReply, Customer, Says(Customer, PayHint)) { ButtonId = "callback_data", Setup = FixtureSetup.Invoice };
        yield return new("template button two days late: pushed, and the reply still reaches WhatsApp", TemplateButton, Customer,
            PaymentStarted(Customer)) { Setup = FixtureSetup.Invoice, Age = TimeSpan.FromDays(2) };

        // Edits.
        yield return new("edit completing a command: the new text makes the invoice", EditText, Merchant, Invoice(Customer, Merchant))
        {
            Setup = FixtureSetup.Original, Original = "invoice 0712345678", Text = Command,
        };
        yield return new("edit of a command that made an invoice: no second invoice, told why", EditText, Merchant,
            Says(Merchant, "Editing a message does not change"))
        {
            Setup = FixtureSetup.Original, Original = Command, Text = "invoice 0712345678 2000 Website design",
        };
        yield return new("customer edit to PAY: read as the new text", EditText, Customer, PaymentStarted(Customer))
        {
            Setup = FixtureSetup.InvoiceAndOriginal, Original = "pya", Text = "PAY",
        };

        // Bodies that hold no message of a person.
        yield return new("business app echo (coexistence)", EchoEdit, Merchant, Nothing(events: 0)) { Text = Command };
        yield return new("status of a message not ours", StatusSent, Customer, Nothing());
        yield return new("failed status 130472", StatusFailed, Customer, Nothing());
        yield return new("status with tracking data", StatusWithTracker, Customer, Nothing());
        yield return new("template approved", TemplateStatusUpdate, Customer, Nothing(events: 0));
        yield return new("marketing preference", UserPreferences, Customer, Nothing(events: 0));
    }
}
