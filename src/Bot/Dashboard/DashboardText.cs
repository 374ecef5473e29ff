using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>Every word of the dashboard, in English and Swahili.</summary>
public sealed record DashboardText(Language Language)
{
    private string Pick(string english, string swahili) => Language.IsSwahili ? swahili : english;

    public string Title => "InvoiceFirst";

    /// <summary>An instant as the pages show it: Nairobi time, to the minute.</summary>
    public static string When(DateTimeOffset at) =>
        at.ToOffset(InvoiceFirst.Data.Time.NairobiTime.Offset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Nairobi calendar day as the pages show it.</summary>
    public static string Day(DateTimeOffset at) =>
        InvoiceFirst.Data.Time.NairobiTime.Date(at).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
    public string LogIn => Pick("Log in", "Ingia");
    public string LogOut => Pick("Log out", "Toka");
    public string PhoneLabel => Pick("Your phone number (the one you use on WhatsApp)", "Nambari yako ya simu (unayotumia WhatsApp)");
    public string SendCode => Pick("Send me a code", "Nitumie nambari");
    public string LoginIntro => Pick(
        "Merchants and their staff log in with a code sent to their WhatsApp. No password needed.",
        "Wafanyabiashara na wafanyakazi wao huingia kwa nambari inayotumwa WhatsApp. Hakuna nenosiri.");
    public string BadPhone => Pick("Type your phone number like 0712345678.", "Andika nambari yako ya simu hivi: 0712345678.");
    public string CodeSent(string phone) => Pick(
        $"If {phone} belongs to a merchant, a 6-digit code is on its way by WhatsApp (or SMS). It works for 10 minutes.",
        $"Ikiwa {phone} ni ya mfanyabiashara, nambari ya tarakimu 6 inakuja kwa WhatsApp (au SMS). Inafanya kazi kwa dakika 10.");
    public string CodeLabel => Pick("Code", "Nambari");
    public string CheckCode => Pick("Log in", "Ingia");
    public string BadCode => Pick(
        "That code is wrong, used or expired. Type the newest code you received, or ask for a new one.",
        "Nambari hiyo si sahihi, imetumika au imepitwa na muda. Andika nambari mpya zaidi uliyopokea, au omba nyingine.");
    public string LogInWithLink => Pick("Log in to my dashboard", "Ingia kwenye dashibodi yangu");
    public string LinkUsed => Pick(
        "This login link was used already or has expired. Send web in the chat for a new one, or log in with a code.",
        "Kiungo hiki kimeshatumika au muda wake umepita. Tuma dashibodi kwenye mazungumzo upate kipya, au ingia kwa nambari.");
    public string NotSixDigits => Pick("The code has 6 digits, e.g. 042917.", "Nambari ina tarakimu 6, mfano 042917.");
    public string AskAgain => Pick("Ask for a new code", "Omba nambari mpya");
    public string TooManyTries => Pick(
        "Too many tries from here. Wait 10 minutes, then try again.",
        "Majaribio mengi mno kutoka hapa. Subiri dakika 10, kisha ujaribu tena.");
    public string FormExpired => Pick(
        "This page was open too long. Please try again.",
        "Ukurasa huu ulikaa wazi muda mrefu. Tafadhali jaribu tena.");

    public string NeedsAttention => Pick("Needs attention", "Inahitaji kuangaliwa");
    public string NothingNeedsYou => Pick("Nothing needs you right now.", "Hakuna kinachokuhitaji sasa hivi.");
    public string Overdue(long n) => Pick($"{n} overdue unpaid invoice(s)", $"Ankara {n} zimepitwa na muda bila kulipwa");
    public string FailedDeliveries(long n) => Pick($"{n} invoice(s) could not be delivered", $"Ankara {n} hazikuweza kufikishwa");
    public string InReview(long n) => Pick($"{n} payment(s) being checked with M-PESA", $"Malipo {n} yanakaguliwa na M-PESA");
    public string Unapplied(long n) => Pick($"{n} Paybill payment(s) matched no invoice", $"Malipo {n} ya Paybill hayakulingana na ankara yoyote");
    public string Collected => Pick("Collected", "Zilizokusanywa");
    public string Last30Days => Pick("Last 30 days", "Siku 30 zilizopita");
    public string BestDay => Pick("best day", "siku bora");
    public string ChartLabel(int days, string total) => Pick($"Money received per day over {days} days, {total} in all",
        $"Pesa zilizopokelewa kila siku kwa siku {days}, jumla {total}");
    public string ByStatus => Pick("Invoices by status (30 days)", "Ankara kwa hali (siku 30)");
    public string MedianTimeToPay => Pick("Median time to pay", "Muda wa kati wa kulipa");
    public string NobodyPaidYet => Pick("No invoice paid in the last 30 days yet.", "Bado hakuna ankara iliyolipwa katika siku 30 zilizopita.");

    /// <summary>A span the way a person says it: "25 min", "3 h 10 min", "2 days 4 h".</summary>
    public string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => Pick("under a minute", "chini ya dakika moja"),
        { TotalHours: < 1 } => Pick($"{span.Minutes} min", $"dakika {span.Minutes}"),
        { TotalDays: < 1 } => Pick($"{span.Hours} h {span.Minutes} min", $"saa {span.Hours} dakika {span.Minutes}"),
        _ => Pick($"{(int)span.TotalDays} day(s) {span.Hours} h", $"siku {(int)span.TotalDays} saa {span.Hours}"),
    };
    public string Invoiced => Pick("invoiced", "zilizotozwa");
    public string Today => Pick("Today", "Leo");
    public string ThisWeek => Pick("This week", "Wiki hii");
    public string ThisMonth => Pick("This month", "Mwezi huu");
    public string LatestInvoices => Pick("Latest invoices", "Ankara za karibuni");
    public string NoInvoicesYet => Pick(
        "No invoices yet. Send one from WhatsApp: invoice 0712345678 1500 Website design",
        "Bado hakuna ankara. Tuma moja kupitia WhatsApp: ankara 0712345678 1500 Muundo wa tovuti");
    public string Number => Pick("Number", "Namba");
    public string Customer => Pick("Customer", "Mteja");
    public string Amount => Pick("Amount", "Kiasi");
    public string Status => Pick("Status", "Hali");
    public string Date => Pick("Date", "Tarehe");
    public string Overview => Pick("Overview", "Muhtasari");
    public string Invoices => Pick("Invoices", "Ankara");
    public string Search => Pick("Search", "Tafuta");
    public string SearchHint => Pick("Name, phone, number or description", "Jina, simu, namba au maelezo");
    public string AnyStatus => Pick("Any status", "Hali yoyote");
    public string FromDate => Pick("From", "Kuanzia");
    public string ToDate => Pick("To", "Hadi");
    public string BadDate => Pick("Dates look like 2026-12-01; that one was left out.", "Tarehe huandikwa hivi 2026-12-01; hiyo imeachwa.");
    public string Showing(int first, int last, long total) => Pick($"{first}-{last} of {total}", $"{first}-{last} kati ya {total}");
    public string NoMatch => Pick("No invoice matches.", "Hakuna ankara inayolingana.");
    public string Newer => Pick("Newer", "Mpya zaidi");
    public string Older => Pick("Older", "Za zamani");
    public string Description => Pick("Description", "Maelezo");
    public string Paid => Pick("Paid", "Imelipwa");
    public string Net => Pick("Before VAT", "Kabla ya VAT");
    public string VatLine(bool included) => included ? Pick("VAT 16% (included)", "VAT 16% (imejumuishwa)") : Pick("VAT 16% (added)", "VAT 16% (imeongezwa)");
    public string Balance => Pick("Balance", "Baki");
    public string PayLink => Pick("Pay link", "Kiungo cha kulipa");
    public string PaymentRef => Pick("Payment reference", "Namba ya malipo");
    public string History => Pick("History", "Historia");
    public string Created => Pick("Created", "Imetengenezwa");
    public string CreatedBy(string? staff) => staff is null ? Pick("Created", "Imetengenezwa") : Pick($"Created by {staff}", $"Imetengenezwa na {staff}");

    /// <summary>"Invoice by WhatsApp: read", "Reminder by SMS: could not be delivered".</summary>
    public string MessageLine(OutboxPurpose purpose, bool bySms, OutboxStatus status)
    {
        var what = purpose == OutboxPurpose.Invoice ? Pick("Invoice", "Ankara")
            : purpose == OutboxPurpose.Reminder ? Pick("Reminder", "Kikumbusho")
            : purpose == OutboxPurpose.Receipt ? Pick("Receipt", "Risiti")
            : Pick("Message", "Ujumbe");
        var how = status == OutboxStatus.Sent ? Pick("sent", "imetumwa")
            : status == OutboxStatus.Delivered ? Pick("delivered", "imefika")
            : status == OutboxStatus.Read ? Pick("read", "imesomwa")
            : status == OutboxStatus.Failed || status == OutboxStatus.Dead ? Pick("could not be delivered", "haikufika")
            : Pick("waiting to go", "inasubiri kutumwa");
        return $"{what} {(bySms ? Pick("by SMS", "kwa SMS") : Pick("by WhatsApp", "kwa WhatsApp"))}: {how}";
    }
    public string PaidInFull => Pick("Paid in full", "Imelipwa yote");
    public string CancelledAt => Pick("Cancelled", "Imeghairiwa");
    public string PaymentLine(PaymentMethod method, string result, string amount, string? receipt) =>
        MethodName(method) + $" {amount}: {result}" + (receipt is null ? "" : $" ({receipt})");
    public string PaymentResult(PaymentStatus status) =>
        status == PaymentStatus.Success ? Pick("paid", "imelipwa")
        : status == PaymentStatus.Initiated ? Pick("waiting for the customer", "inamsubiri mteja")
        : status == PaymentStatus.Cancelled ? Pick("cancelled by the customer", "imeghairiwa na mteja")
        : status == PaymentStatus.Expired ? Pick("not answered in time", "haikujibiwa kwa wakati")
        : status == PaymentStatus.NeedsReview ? Pick("being checked with M-PESA", "inakaguliwa na M-PESA")
        : Pick("did not go through", "haikufanikiwa");
    public string ExportInvoices => Pick("Download these invoices (CSV, for Excel)", "Pakua ankara hizi (CSV, kwa Excel)");
    public string ExportPayments => Pick("Download the payments of these dates (CSV)", "Pakua malipo ya tarehe hizi (CSV)");
    public string CopyLink => Pick("Copy the pay link", "Nakili kiungo cha kulipa");
    public string Copied => Pick("Copied", "Imenakiliwa");
    public string ResendBySms => Pick("Send it again by SMS", "Tuma tena kwa SMS");
    public string ResentBySms(string number, string phone) => Pick($"{number} is on its way to {phone} by SMS, with the pay link.",
        $"{number} inatumwa kwa {phone} kwa SMS, pamoja na kiungo cha kulipa.");
    public string NothingToResend(string number) => Pick($"{number} has nothing left to pay.", $"{number} haina deni lililobaki.");
    public string Remind => Pick("Remind the customer now", "Mkumbushe mteja sasa");
    public string Cancel => Pick("Cancel the invoice", "Ghairi ankara");
    public string NotFound => Pick("Nothing here: there is no such invoice, customer or payment.", "Hakuna kitu hapa: hakuna ankara, mteja au malipo hayo.");
    public string BackToInvoices => Pick("Back to invoices", "Rudi kwenye ankara");

    public string NewInvoice => Pick("New invoice", "Ankara mpya");
    public string Customers => Pick("Customers", "Wateja");
    public string Payments => Pick("Payments", "Malipo");
    public string Settings => Pick("Settings", "Mipangilio");

    public string NewInvoiceIntro => Pick(
        "The customer gets it on WhatsApp with a Pay with M-PESA button (by SMS with a pay link if WhatsApp cannot reach them).",
        "Mteja ataipata WhatsApp pamoja na kitufe cha Lipa kwa M-PESA (kwa SMS na kiungo cha kulipa ikiwa WhatsApp haimfikii).");
    public string CustomerPhone => Pick("Customer's phone", "Simu ya mteja");
    public string CustomerNameOptional => Pick("Customer's name (optional)", "Jina la mteja (si lazima)");
    public string AmountKes => Pick("Amount (KES, whole shillings)", "Kiasi (KES, shilingi kamili)");
    public string DescriptionExample => Pick("Website design", "Muundo wa tovuti");
    public string SendInvoice => Pick("Send the invoice", "Tuma ankara");
    public string SendAnyway => Pick("Send another one anyway", "Tuma nyingine hata hivyo");
    public string SameAsRecent(string number, string ago) => Pick(
        $"You sent {number} to this customer for the same amount and description {ago} ago. Press the button again to send another.",
        $"Ulimtumia mteja huyu {number} kwa kiasi na maelezo hayo hayo {ago} iliyopita. Bonyeza kitufe tena kutuma nyingine.");
    public string InvoiceSent(string number) => Pick($"{number} is on its way to the customer.", $"{number} inatumwa kwa mteja.");

    public string CustomerSearchHint => Pick("Name or phone", "Jina au simu");
    public string NoCustomers => Pick("No customers yet: they appear here with their first invoice.", "Bado hakuna wateja: wataonekana hapa na ankara yao ya kwanza.");
    public string Owes => Pick("Owes", "Anadaiwa");
    public string Phone => Pick("Phone", "Simu");
    public string NewInvoiceForCustomer => Pick("New invoice for this customer", "Ankara mpya kwa mteja huyu");
    public string BackToCustomers => Pick("Back to customers", "Rudi kwa wateja");

    public string Business => Pick("Business", "Biashara");
    public string BusinessName => Pick("Business name (customers see it)", "Jina la biashara (wateja hulisoma)");
    public string LanguageLabel => Pick("Language of your messages and new invoices", "Lugha ya ujumbe wako na ankara mpya");
    public string MerchantCode => Pick("Your merchant code", "Namba yako ya mfanyabiashara");
    public string Save => Pick("Save", "Hifadhi");
    public string Saved => Pick("Saved.", "Imehifadhiwa.");
    public string Messages => Pick("Messages", "Ujumbe");
    public string AutoReminders => Pick("Remind customers automatically before and after the due date", "Wakumbushe wateja kiotomatiki kabla na baada ya tarehe ya mwisho");
    public string PdfDocuments => Pick("Send customers a PDF of each invoice and receipt on WhatsApp", "Watumie wateja PDF ya kila ankara na risiti kwenye WhatsApp");
    public string EveningSummary => Pick("Send me a summary every evening", "Nitumie muhtasari kila jioni");
    public string HowCustomersPay => Pick("How customers pay", "Jinsi wateja wanavyolipa");
    public string ChangePayRoute => Pick("Change it", "Badilisha");
    public string PayRouteHint(bool collection) => Pick(
        "Type till 123456, or paybill 522522 account 0011" + (collection ? ", or skip to be paid through InvoiceFirst." : "."),
        "Andika till 123456, au paybill 522522 account 0011" + (collection ? ", au ruka ili ulipwe kupitia InvoiceFirst." : "."));
    public string EnterMpesaKeys => Pick("Enter my own M-PESA (Daraja) keys", "Weka funguo zangu za M-PESA (Daraja)");
    public string Staff => Pick("Staff", "Wafanyakazi");
    public string NoStaff => Pick("No staff yet. Staff can send invoices and see the business, not these settings.",
        "Bado hakuna wafanyakazi. Wafanyakazi wanaweza kutuma ankara na kuona biashara, si mipangilio hii.");
    public string StaffPhone => Pick("Their phone (WhatsApp)", "Simu yao (WhatsApp)");
    public string StaffName => Pick("Their name", "Jina lao");
    public string AddStaff => Pick("Add to staff", "Ongeza mfanyakazi");
    public string Remove => Pick("Remove", "Ondoa");
    public string StaffPhoneRule => Pick("Type their phone like 0712345678.", "Andika simu yao hivi: 0712345678.");
    public string NameRule => Pick("A name is 2-60 characters with at least one letter.", "Jina ni herufi 2-60, angalau herufi moja.");
    public string ApiKeys => Pick("API keys", "Funguo za API");
    public string ApiKeysIntro => Pick("For your own systems to create invoices. A key is shown once, when it is made.",
        "Kwa mifumo yako kutengeneza ankara. Ufunguo huonyeshwa mara moja tu, unapotengenezwa.");
    public string CreateApiKey => Pick("Create a key", "Tengeneza ufunguo");
    public string NewApiKey => Pick("Your new API key", "Ufunguo wako mpya wa API");
    public string KeyShownOnce => Pick("Copy it now and keep it safe: it will not be shown again.", "Unakili sasa na uuhifadhi: hautaonyeshwa tena.");
    public string Copy => Pick("Copy", "Nakili");
    public string Revoke => Pick("Revoke", "Batilisha");
    public string Revoked => Pick("The key is revoked: it no longer works.", "Ufunguo umebatilishwa: haufanyi kazi tena.");
    public string RevokedOn(string day) => Pick($"revoked {day}", $"ulibatilishwa {day}");

    public string AllPayments => Pick("All payments", "Malipo yote");
    public string UnappliedOnly => Pick("Not on an invoice", "Hayako kwenye ankara");
    public string NoPayments => Pick("No payments yet.", "Bado hakuna malipo.");
    public string Method => Pick("How", "Njia");
    public string Receipt => Pick("M-PESA receipt", "Risiti ya M-PESA");
    public string Invoice => Pick("Invoice", "Ankara");
    public string MethodName(PaymentMethod method) => method == PaymentMethod.Stk ? Pick("M-PESA prompt", "Ombi la M-PESA") : "Paybill";
    public string TypedAccount(string account) => Pick($"typed \"{account}\"", $"aliandika \"{account}\"");
    public string ApplyTo => Pick("Apply to invoice", "Weka kwenye ankara");
    public string ApplyHint => Pick("Invoice number, e.g. INV-0042", "Namba ya ankara, mfano INV-0042");
    public string Apply => Pick("Apply", "Weka");
    public string AppliedBy(string who) => Pick($"applied by {who}", $"imewekwa na {who}");
    public string OwnerOnly => Pick("Only the owner can do this.", "Mwenye biashara pekee anaweza kufanya hivi.");
    public string Applied(string amount, string number) => Pick($"{amount} is now on {number}.", $"{amount} sasa iko kwenye {number}.");
    public string AlreadyApplied => Pick("That payment is already on an invoice.", "Malipo hayo tayari yako kwenye ankara.");
    public string NoSuchInvoice(string typed) => Pick($"There is no invoice {typed}. Type its number, e.g. INV-0042.",
        $"Hakuna ankara {typed}. Andika namba yake, mfano INV-0042.");
    public string NotPayable(string number) => Pick($"{number} is paid or cancelled; choose an invoice that is still owed.",
        $"{number} imelipwa au imeghairiwa; chagua ankara ambayo bado inadaiwa.");

    public string OtherLanguage => Pick("Kiswahili", "English");
    public string OtherLanguageCode => Language.IsSwahili ? "en" : "sw";
}
