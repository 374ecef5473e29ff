using System.Text;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Staff;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply StaffList(IReadOnlyList<StaffMember> staff, Language lang)
    {
        if (staff.Count == 0)
            return new Reply(Pick(lang,
                "You have no staff yet. Add someone with: staff add 0712345678 Jane. They can then send invoices from their own phone.",
                "Bado huna wafanyakazi. Ongeza mmoja hivi: wafanyakazi ongeza 0712345678 Jane. Ataweza kutuma ankara kutoka simu yake."));

        var text = new StringBuilder(Pick(lang, $"Your staff ({staff.Count}):", $"Wafanyakazi wako ({staff.Count}):"));
        foreach (var member in staff)
            text.Append($"\n{member.Name} {MobileNumber.ToLocal(member.Phone)}");
        text.Append(Pick(lang, "\nTo remove someone: staff remove 0712345678", "\nKumwondoa mtu: wafanyakazi ondoa 0712345678"));
        return new Reply(text.ToString());
    }

    public static Reply StaffAdded(string name, string msisdn, Language lang) => new(Pick(lang,
        $"{name} ({MobileNumber.ToLocal(msisdn)}) is now on your staff. From their own phone they can send invoices, list, remind and check status; only you can cancel their colleagues' invoices, manage staff and change settings.",
        $"{name} ({MobileNumber.ToLocal(msisdn)}) sasa ni mfanyakazi wako. Kutoka simu yake anaweza kutuma ankara, kuona orodha, kukumbusha na kuangalia hali; ni wewe tu unayeweza kughairi ankara za wenzake, kusimamia wafanyakazi na kubadilisha mipangilio."));

    /// <summary>To the new staff member: who added them and how to start.</summary>
    public static Reply StaffWelcome(string merchantName, Language lang) => new(Pick(lang,
        $"{merchantName} added you as staff on InvoiceFirst. You can now send invoices for them from this phone, e.g. invoice 0712345678 1500 Website design. Send help to see more.",
        $"{merchantName} wamekuongeza kama mfanyakazi kwenye InvoiceFirst. Sasa unaweza kutuma ankara kwa niaba yao kutoka simu hii, mfano ankara 0712345678 1500 Muundo wa tovuti. Tuma msaada kuona zaidi."));

    public static Reply StaffNotAdded(StaffAddResult result, string msisdn, Language lang)
    {
        var phone = MobileNumber.ToLocal(msisdn);
        return new(result switch
        {
            StaffAddResult.OwnersOwnNumber => Pick(lang,
                $"{phone} is your own number: as the owner you can already do everything.",
                $"{phone} ni namba yako mwenyewe: kama mmiliki tayari unaweza kufanya kila kitu."),
            StaffAddResult.OwnerOfAnotherBusiness => Pick(lang,
                $"{phone} is already the number of another business on InvoiceFirst. A phone can belong to one business only, so it can't be your staff.",
                $"{phone} tayari ni namba ya biashara nyingine kwenye InvoiceFirst. Simu moja inaweza kuwa ya biashara moja tu, kwa hivyo haiwezi kuwa mfanyakazi wako."),
            StaffAddResult.StaffOfAnotherBusiness => Pick(lang,
                $"{phone} is already staff of another business on InvoiceFirst. A phone can belong to one business only: they must be removed there first.",
                $"{phone} tayari ni mfanyakazi wa biashara nyingine kwenye InvoiceFirst. Simu moja inaweza kuwa ya biashara moja tu: lazima aondolewe huko kwanza."),
            _ => Pick(lang,
                $"{phone} is already on your staff. Send staff to see who is.",
                $"{phone} tayari ni mfanyakazi wako. Tuma wafanyakazi kuwaona."),
        });
    }

    public static Reply StaffRemoved(string name, string msisdn, Language lang) => new(Pick(lang,
        $"{name} ({MobileNumber.ToLocal(msisdn)}) is no longer on your staff. The invoices they sent stay as they are.",
        $"{name} ({MobileNumber.ToLocal(msisdn)}) si mfanyakazi wako tena. Ankara alizotuma zinabaki kama zilivyo."));

    public static Reply NotStaff(string msisdn, Language lang) => new(Pick(lang,
        $"{MobileNumber.ToLocal(msisdn)} is not on your staff, so there is nothing to remove. Send staff to see who is.",
        $"{MobileNumber.ToLocal(msisdn)} si mfanyakazi wako, kwa hivyo hakuna cha kuondoa. Tuma wafanyakazi kuwaona."));

    public static Reply StaffUsage(StaffProblem problem, Language lang) => new(problem switch
    {
        StaffProblem.AddMissing => Pick(lang,
            "To add staff, send their phone and name: staff add 0712345678 Jane",
            "Kuongeza mfanyakazi, tuma simu na jina lake: wafanyakazi ongeza 0712345678 Jane"),
        StaffProblem.InvalidPhone => Pick(lang,
            "That phone number doesn't look like a Kenyan mobile number. Send e.g.: staff add 0712345678 Jane or staff remove 0712345678",
            "Namba hiyo haionekani kuwa ya simu ya Kenya. Tuma mfano: wafanyakazi ongeza 0712345678 Jane au wafanyakazi ondoa 0712345678"),
        StaffProblem.InvalidName => Pick(lang,
            "A name is 2-60 characters with at least one letter. Send: staff add 0712345678 Jane",
            "Jina ni herufi 2-60, angalau herufi moja. Tuma: wafanyakazi ongeza 0712345678 Jane"),
        StaffProblem.RemoveMissing => Pick(lang,
            "To remove staff, send their phone: staff remove 0712345678",
            "Kumwondoa mfanyakazi, tuma simu yake: wafanyakazi ondoa 0712345678"),
        _ => Pick(lang,
            "For staff send: staff add 0712345678 Jane, staff remove 0712345678, or staff to see them.",
            "Kwa wafanyakazi tuma: wafanyakazi ongeza 0712345678 Jane, wafanyakazi ondoa 0712345678, au wafanyakazi kuwaona."),
    });

    /// <summary>A staff member tried what only the owner may do.</summary>
    public static Reply OwnerOnly(string merchantName, Language lang) => new(Pick(lang,
        $"Only the owner of {merchantName} can do that: staff, reminders, the evening summary, stats, VAT, saved items, M-PESA keys and the balance are theirs to manage. Send help to see what you can do.",
        $"Ni mmiliki wa {merchantName} tu anayeweza kufanya hivyo: wafanyakazi, vikumbusho, muhtasari wa jioni, takwimu, VAT, bidhaa, funguo za M-PESA na salio ni zake. Tuma msaada kuona unachoweza kufanya."));

    /// <summary>A staff member tried to cancel (or stop the reminders of) an invoice someone else sent.</summary>
    public static Reply OnlyOwnerChanges(string number, Language lang) => new(Pick(lang,
        $"You did not send {number}, so only the owner can cancel it or stop its reminders. You can still send remind {number} or status {number}.",
        $"Hukutuma {number}, kwa hivyo ni mmiliki tu anayeweza kuighairi au kuzima vikumbusho vyake. Bado unaweza kutuma kumbusha {number} au hali {number}."));

    /// <summary>The commands a staff member may use: the owner's list without the owner's own.</summary>
    public static Reply StaffHelp(string merchantName, Language lang) => new(Pick(lang,
        $"""
        InvoiceFirst commands (staff of {merchantName}):
        invoice 0712345678 1500 Website design - send an invoice
        invoice 0712345678 2 cement @750, delivery 300 - an invoice with items
        new - create an invoice step by step
        list - unpaid invoices (more - the next 10)
        customers - saved customers
        customer Jane 0712345678 - save a customer
        items - the saved items
        status INV-0042 - check an invoice
        remind INV-0042 - remind the customer
        cancel INV-0042 - cancel an invoice you sent
        stop INV-0042 - no automatic reminders for an invoice you sent
        lang sw - reply in Kiswahili
        web - open the dashboard in a browser
        help - this list
        The owner manages staff, reminders, summaries and stats.
        """,
        $"""
        Amri za InvoiceFirst (mfanyakazi wa {merchantName}):
        ankara 0712345678 1500 Muundo wa tovuti - tuma ankara
        ankara 0712345678 saruji 2 @750, usafiri 300 - ankara yenye bidhaa
        mpya - tengeneza ankara hatua kwa hatua
        orodha - ankara ambazo hazijalipwa (zaidi - 10 zinazofuata)
        wateja - wateja uliohifadhi
        mteja Jane 0712345678 - hifadhi mteja
        bidhaa - bidhaa zilizohifadhiwa
        hali INV-0042 - angalia ankara
        kumbusha INV-0042 - mkumbushe mteja
        ghairi INV-0042 - ghairi ankara uliyotuma
        acha INV-0042 - zima vikumbusho vya ankara uliyotuma
        lugha en - reply in English
        dashibodi - fungua dashibodi kwenye kivinjari
        msaada - orodha hii
        Mmiliki ndiye husimamia wafanyakazi, vikumbusho, muhtasari na takwimu.
        """));
}
