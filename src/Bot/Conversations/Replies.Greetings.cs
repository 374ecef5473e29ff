using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

// Greetings, the menu, and what to do instead of a voice note, a photo or a sticker.
public static partial class Replies
{
    /// <summary>hi / habari / asante / menu / ?: a friendly menu, with buttons for the three first steps.</summary>
    public static Reply Greeting(GreetingKind kind, Language lang)
    {
        var hello = kind switch
        {
            GreetingKind.Thanks => Pick(lang, "You're welcome!", "Karibu!"),
            GreetingKind.Menu => Pick(lang, "Here is what I can do:", "Hiki ndicho ninachoweza kufanya:"),
            _ => Pick(lang, "Hello! I send your invoices and your customers pay them by M-PESA.",
                "Habari! Ninatuma ankara zako na wateja wako wanalipa kwa M-PESA."),
        };
        var menu = Pick(lang,
            """
            invoice 0712345678 1500 Website design - send an invoice now
            new - create one step by step
            list - unpaid invoices
            help - all commands
            """,
            """
            ankara 0712345678 1500 Muundo wa tovuti - tuma ankara sasa
            mpya - tengeneza ankara hatua kwa hatua
            orodha - ankara ambazo hazijalipwa
            msaada - amri zote
            """);
        return new Reply($"{hello}\n{menu}",
        [
            new(Pick(lang, "new", "mpya"), Pick(lang, "New invoice", "Ankara mpya")),
            new(Pick(lang, "list", "orodha"), Pick(lang, "Unpaid invoices", "Zisizolipwa")),
            new(Pick(lang, "help", "msaada"), Pick(lang, "All commands", "Amri zote")),
        ]);
    }

    /// <summary>A message without text (WhatsApp type in <paramref name="type"/>): what to type instead.</summary>
    public static Reply MediaNotRead(string? type, Language lang) => new(type switch
    {
        "audio" or "voice" => Pick(lang,
            "I can't listen to voice notes. Please type it instead, e.g. invoice 0712345678 1500 Website design, or send help.",
            "Siwezi kusikiliza ujumbe wa sauti. Tafadhali andika badala yake, mfano ankara 0712345678 1500 Muundo wa tovuti, au tuma msaada."),
        "image" or "video" or "document" => Pick(lang,
            "I can't read photos, videos or files. Type your message, or write it as the caption, e.g. invoice 0712345678 1500 Website design.",
            "Siwezi kusoma picha, video wala faili. Andika ujumbe wako, au uandike kama maelezo ya picha, mfano ankara 0712345678 1500 Muundo wa tovuti."),
        "sticker" => Pick(lang,
            "Nice sticker! I only read text: send help to see what I can do.",
            "Stika nzuri! Ninasoma maandishi tu: tuma msaada kuona ninachoweza kufanya."),
        "location" => Pick(lang,
            "I can't use a location. Type what you need, e.g. invoice 0712345678 1500 Delivery, or send help.",
            "Siwezi kutumia mahali. Andika unachohitaji, mfano ankara 0712345678 1500 Usafirishaji, au tuma msaada."),
        "contacts" => Pick(lang,
            "I can't read contact cards. Type the customer's number instead, e.g. invoice 0712345678 1500 Website design.",
            "Siwezi kusoma kadi za mawasiliano. Andika namba ya mteja badala yake, mfano ankara 0712345678 1500 Muundo wa tovuti."),
        _ => TextOnly(lang).Text,
    });

    /// <summary>A customer's message without text: how to pay instead.</summary>
    public static Reply CustomerMediaNotRead(Language lang) => new(Pick(lang,
        "Sorry, I can only read text. To pay, tap the Pay with M-PESA button on your invoice or reply PAY.",
        "Samahani, ninasoma maandishi tu. Kulipa, bonyeza kitufe cha Lipa kwa M-PESA kwenye ankara yako au jibu LIPA."));
}
