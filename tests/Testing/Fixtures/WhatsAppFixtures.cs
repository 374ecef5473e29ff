namespace InvoiceFirst.Testing.Fixtures;

/// <summary>
/// The WhatsApp webhook shapes the bot must take, each with where it comes from. Shapes are facts
/// about Meta's payloads; the values in them (numbers, texts, ids) are ours. "pywa" is
/// github.com/david-lev/pywa, whose test data records payloads Meta sent; "spec" is
/// ../shared/specs/providers.md section 1.
/// </summary>
public static class WhatsAppFixtures
{
    private const string Pywa = "pywa tests/data/updates/";
    private const string Bsuid = "Meta, Business-scoped user IDs (developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids),"
        + " as integrators document it (dualhook.com/docs/contacts-bsuid-webhooks, docs.360dialog.com usernames-and-bsuid)";

    public static readonly WhatsAppFixture Text = new("text", "Meta webhooks reference, messages/text: the sample of spec 1.5");
    public static readonly WhatsAppFixture TextReply = new("text_reply", Pywa + "message.json 'reply': a text quoting one of ours (context.id)");
    public static readonly WhatsAppFixture TextForwarded = new("text_forwarded", Pywa + "message.json 'forwarded'");
    public static readonly WhatsAppFixture TextFrequentlyForwarded = new("text_frequently_forwarded", Pywa + "message.json 'forwarded_many_times'");
    public static readonly WhatsAppFixture TextReferral = new("text_referral", Pywa + "message.json 'referral': a click-to-WhatsApp ad opened the chat");
    public static readonly WhatsAppFixture TextUserIdWithPhone = new("text_user_id_with_phone",
        Bsuid + ": no 'from', the sender's from_user_id, and a contact that still carries the wa_id");
    public static readonly WhatsAppFixture TextUserIdOnly = new("text_user_id_only",
        Bsuid + ": a username user outside the contact book, known only by user_id (contact with profile.username, no wa_id)");
    public static readonly WhatsAppFixture TextOtherNumber = new("text_other_number",
        Pywa + "message.json 'text' with its own metadata.phone_number_id (1122334455667): another number on the same app");
    public static readonly WhatsAppFixture Image = new("image", Pywa + "message.json 'image'");
    public static readonly WhatsAppFixture Video = new("video", Pywa + "message.json 'video' (forwarded, with a caption)");
    public static readonly WhatsAppFixture Document = new("document", Pywa + "message.json 'document'");
    public static readonly WhatsAppFixture Audio = new("audio", Pywa + "message.json 'audio'");
    public static readonly WhatsAppFixture Voice = new("voice", Pywa + "message.json 'voice' (audio with voice: true)");
    public static readonly WhatsAppFixture Sticker = new("sticker", Pywa + "message.json 'static_sticker'");
    public static readonly WhatsAppFixture StickerAnimated = new("sticker_animated", Pywa + "message.json 'animated_sticker'");
    public static readonly WhatsAppFixture Reaction = new("reaction", Pywa + "message.json 'reaction'");
    public static readonly WhatsAppFixture ReactionRemoved = new("reaction_removed", Pywa + "message.json 'unreaction_empty' (emoji \"\")");
    public static readonly WhatsAppFixture ReactionRemovedNoEmoji = new("reaction_removed_no_emoji", Pywa + "message.json 'unreaction_no_emoji'");
    public static readonly WhatsAppFixture Location = new("location", Pywa + "message.json 'current_location'");
    public static readonly WhatsAppFixture LocationPlace = new("location_place", Pywa + "message.json 'chosen_location' (name, address, url)");
    public static readonly WhatsAppFixture Contacts = new("contacts", Pywa + "message.json 'contacts' (shared contact cards)");
    public static readonly WhatsAppFixture Order = new("order", Pywa + "message.json 'order' (catalog cart)");
    public static readonly WhatsAppFixture Unsupported = new("unsupported", Pywa + "message.json 'unsupported' (errors[].code 131051)");
    public static readonly WhatsAppFixture InteractiveError = new("interactive_error",
        Pywa + "message.json 'interactive_message_with_err': type interactive with no body, errors on the value");
    public static readonly WhatsAppFixture ButtonReply = new("button_reply",
        "spec 1.6 reply button; " + Pywa + "callback_button.json 'button' (contact with user_id and parent_user_id)");
    public static readonly WhatsAppFixture ListReply = new("list_reply", "spec 1.6 list row; " + Pywa + "callback_selection.json");
    public static readonly WhatsAppFixture TemplateButton = new("template_button",
        "Meta webhooks reference, messages/button (spec 1.6 template quick reply); " + Pywa + "callback_button.json 'quick_reply'");
    public static readonly WhatsAppFixture SystemNumberChanged = new("system_number_changed",
        "Meta webhooks reference, messages/system (no contacts array); " + Pywa + "system.json 'phone_number_change'");
    public static readonly WhatsAppFixture SystemUserIdChanged = new("system_user_id_changed", Pywa + "system.json 'user_id_change' (no 'from' at all)");
    public static readonly WhatsAppFixture SystemIdentityChanged = new("system_identity_changed", Pywa + "system.json 'identity_change'");
    public static readonly WhatsAppFixture Revoke = new("revoke", Pywa + "deleted_message.json 'revoke': the person deleted a message");
    public static readonly WhatsAppFixture EditText = new("edit_text", Pywa + "edit_message.json 'edit_text'");
    public static readonly WhatsAppFixture EditCaption = new("edit_caption", Pywa + "edit_message.json 'edit_caption'");
    public static readonly WhatsAppFixture RequestWelcome = new("request_welcome", Pywa + "chat_opened.json: a first chat opening");
    public static readonly WhatsAppFixture EchoEdit = new("echo_edit",
        Pywa + "edit_message.json 'coexistence_edit_text': field smb_message_echoes, the business's own app");
    public static readonly WhatsAppFixture StatusSent = new("status_sent", "spec 1.7; " + Pywa + "message_status.json 'sent'");
    public static readonly WhatsAppFixture StatusFailed = new("status_failed", Pywa + "message_status.json 'failed' (130472)");
    public static readonly WhatsAppFixture StatusWithTracker = new("status_with_tracker", Pywa + "message_status.json 'with_tracker' (biz_opaque_callback_data)");
    public static readonly WhatsAppFixture TemplateStatusUpdate = new("template_status_update",
        Pywa + "template_status_update.json 'approved': field message_template_status_update, no metadata");
    public static readonly WhatsAppFixture UserPreferences = new("user_preferences", Pywa + "user_preferences.json 'user_marketing_preferences'");

    public static IReadOnlyList<WhatsAppFixture> All { get; } =
    [
        Text, TextReply, TextForwarded, TextFrequentlyForwarded, TextReferral, TextUserIdWithPhone, TextUserIdOnly, TextOtherNumber,
        Image, Video, Document, Audio, Voice, Sticker, StickerAnimated, Reaction, ReactionRemoved, ReactionRemovedNoEmoji,
        Location, LocationPlace, Contacts, Order, Unsupported, InteractiveError, ButtonReply, ListReply, TemplateButton,
        SystemNumberChanged, SystemUserIdChanged, SystemIdentityChanged, Revoke, EditText, EditCaption, RequestWelcome, EchoEdit,
        StatusSent, StatusFailed, StatusWithTracker, TemplateStatusUpdate, UserPreferences,
    ];
}
