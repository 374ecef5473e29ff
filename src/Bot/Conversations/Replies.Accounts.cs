using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    /// <summary>A merchant whose account is not active writes: why nothing runs, and whom to ask.</summary>
    public static Reply AccountNotActive(string status, string contact, Language lang) => status switch
    {
        MerchantStatus.Pending => new(Pick(lang,
            $"Your registration is waiting for approval. We will message you here once it is approved. Questions: {contact}.",
            $"Usajili wako unasubiri kuidhinishwa. Tutakutumia ujumbe hapa ukiidhinishwa. Maswali: {contact}.")),
        MerchantStatus.Declined => new(Pick(lang,
            $"Your registration was not approved, so invoices cannot be sent from this number. To ask why, contact {contact}.",
            $"Usajili wako haukuidhinishwa, kwa hivyo ankara haziwezi kutumwa kutoka nambari hii. Kuuliza sababu, wasiliana na {contact}.")),
        _ => new(Pick(lang,
            $"Your account is paused, so new invoices, reminders and summaries are stopped. Your customers can still pay invoices already sent. To resume, contact {contact}.",
            $"Akaunti yako imesimamishwa, kwa hivyo ankara mpya, vikumbusho na muhtasari vimesimama. Wateja wako bado wanaweza kulipa ankara zilizotumwa. Ili kuendelea, wasiliana na {contact}.")),
    };
}
