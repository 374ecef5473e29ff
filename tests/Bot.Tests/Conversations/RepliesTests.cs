using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Payments.Mpesa;
using System.Reflection;
using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class RepliesTests
{
    private static Money Kes(long shillings) => Money.FromShillings(shillings);

    private static readonly DateOnly PayBy = new(2026, 3, 12);

    private static readonly InvoiceDraft Draft = new()
    {
        Msisdn = "254712345678", CustomerName = "Wanjiku", AmountShillings = 1500, Description = "Website design",
    };

    private static readonly InvoiceDraft ItemsDraft = Draft.WithItems([new("Cement", 2, 750), new("Wheelbarrow", 1, 4500), new("Delivery", 1, 300)]);

    private static readonly Data.Ledger.LedgerEntry[] LedgerSample =
    [
        new() { Kind = Data.Ledger.LedgerEntryKind.Payout, AmountCents = -50_000, PayoutReference = "QK12ABC34D", CreatedBy = "operator",
            CreatedAt = new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero) },
        new() { Kind = Data.Ledger.LedgerEntryKind.Fee, AmountCents = -2_475, PaymentId = 7, InvoiceNumber = "INV-0042", CreatedBy = "settlement",
            CreatedAt = new DateTimeOffset(2026, 3, 11, 21, 30, 0, TimeSpan.Zero) },
        new() { Kind = Data.Ledger.LedgerEntryKind.Credit, AmountCents = 200_000, PaymentId = 7, InvoiceNumber = "INV-0042", CreatedBy = "settlement",
            CreatedAt = new DateTimeOffset(2026, 3, 11, 21, 30, 0, TimeSpan.Zero) },
    ];

    // Every catalogue entry, by method name, so the coverage test below notices a new text without an entry here.
    private static readonly (string Method, Func<Language, Reply> Render)[] Catalogue =
    [
        (nameof(Replies.Help), Replies.Help),
        (nameof(Replies.UnknownCommand), Replies.UnknownCommand),
        (nameof(Replies.LanguageSwitched), Replies.LanguageSwitched),
        (nameof(Replies.TextOnly), Replies.TextOnly),
        (nameof(Replies.CustomerPayHint), Replies.CustomerPayHint),
        (nameof(InvoiceTexts.PayButton), l => new Reply(InvoiceTexts.PayButton("inv_1", l).Title, [InvoiceTexts.PayButton("inv_1", l)])),
        (nameof(Replies.InvalidPhone), Replies.InvalidPhone),
        (nameof(InvoiceTexts.CustomerUnreachable), l => InvoiceTexts.CustomerUnreachable("INV-0042", "Jane", l)),
        (nameof(Replies.ForCommandError), l => Replies.ForCommandError(new CommandError(CommandErrorKind.MissingAmount), l)),
        (nameof(Replies.ForAmountError) + "NotANumber", l => Replies.ForAmountError(AmountError.NotANumber, 1_000_000, l)),
        (nameof(Replies.ForAmountError) + "Zero", l => Replies.ForAmountError(AmountError.ZeroOrNegative, 1_000_000, l)),
        (nameof(Replies.ForAmountError) + "Cents", l => Replies.ForAmountError(AmountError.HasCents, 1_000_000, l)),
        (nameof(Replies.ForAmountError) + "Exponent", l => Replies.ForAmountError(AmountError.Exponent, 1_000_000, l)),
        (nameof(Replies.ForAmountError) + "TooLarge", l => Replies.ForAmountError(AmountError.TooLarge, 1_000_000, l)),
        (nameof(Replies.DescriptionLength) + "Short", l => Replies.DescriptionLength(FieldError.TooShort, l)),
        (nameof(Replies.DescriptionLength) + "Long", l => Replies.DescriptionLength(FieldError.TooLong, l)),
        (nameof(Replies.NameLength) + "Short", l => Replies.NameLength(FieldError.TooShort, l)),
        (nameof(Replies.NameLength) + "Long", l => Replies.NameLength(FieldError.TooLong, l)),
        (nameof(Replies.MissingCustomer), Replies.MissingCustomer),
        (nameof(Replies.CustomerNotFound), l => Replies.CustomerNotFound("Otieno", l)),
        (nameof(Replies.MissingAmount), Replies.MissingAmount),
        (nameof(Replies.MissingDescription), Replies.MissingDescription),
        .. new CommandWord?[] { CommandWord.Status, CommandWord.Cancel, CommandWord.Remind, CommandWord.StopReminders, null }.Select(w =>
            (nameof(Replies.MissingInvoiceNumber) + w, (Func<Language, Reply>)(l => Replies.MissingInvoiceNumber(w, l)))),
        (nameof(Replies.ProposeDraft) + "Sentence", l => Replies.ProposeDraft(Draft, ProposalReason.Sentence, l)),
        (nameof(Replies.ProposeDraft) + "Typo", l => Replies.ProposeDraft(Draft, ProposalReason.Typo, l)),
        (nameof(Replies.DidYouMean), l => Replies.DidYouMean("remind 42", l)),
        (nameof(Replies.AskWhichPhone), l => Replies.AskWhichPhone(new AskWhichPhoneCommand("254712345678", "254722000111", 500, "test item"), l)),
        (nameof(Replies.AskWhatToEdit), Replies.AskWhatToEdit),
        .. Enum.GetValues<GreetingKind>().Select(k => (nameof(Replies.Greeting) + k, (Func<Language, Reply>)(l => Replies.Greeting(k, l)))),
        .. new[] { "audio", "image", "video", "document", "sticker", "location", "contacts", "order" }.Select(t =>
            (nameof(Replies.MediaNotRead) + t, (Func<Language, Reply>)(l => Replies.MediaNotRead(t, l)))),
        (nameof(Replies.CustomerMediaNotRead), Replies.CustomerMediaNotRead),
        (nameof(Replies.InvalidInvoiceNumber), Replies.InvalidInvoiceNumber),
        (nameof(Replies.UnsupportedLanguage), Replies.UnsupportedLanguage),
        (nameof(Replies.AskPhone), Replies.AskPhone),
        (nameof(Replies.AskName), Replies.AskName),
        (nameof(Replies.AskAmount), Replies.AskAmount),
        (nameof(Replies.AskDescription), Replies.AskDescription),
        (nameof(Replies.ConfirmDraft), l => Replies.ConfirmDraft(Draft, l)),
        (nameof(Replies.ConfirmChoice), Replies.ConfirmChoice),
        (nameof(Replies.ConfirmItems), l => Replies.ConfirmItems(ItemsDraft, VatMode.Exclusive, l)),
        (nameof(Replies.ConfirmDraft) + "Vat", l => Replies.ConfirmDraft(Draft, l, VatMode.Inclusive)),
        (nameof(Replies.ItemNoPrice), l => Replies.ItemNoPrice("cement", l)),
        (nameof(Replies.ItemAmbiguous), l => Replies.ItemAmbiguous("ce", ["Cement", "Cereal"], l)),
        .. Enum.GetValues<ItemProblem>().Select(p => (nameof(Replies.InvalidItem) + p, (Func<Language, Reply>)(l =>
            Replies.InvalidItem(new CommandError(CommandErrorKind.InvalidItem, AmountError.HasCents) { Item = "cement @750.50", ItemProblem = p }, 1_000_000, l)))),
        (nameof(Replies.ProductSaved), l => Replies.ProductSaved("Cement", Kes(750), l)),
        (nameof(Replies.ProductRemoved), l => Replies.ProductRemoved("Cement", l)),
        (nameof(Replies.ProductNotFound), l => Replies.ProductNotFound("cement", l)),
        (nameof(Replies.ProductUsage), Replies.ProductUsage),
        (nameof(Replies.ProductList) + "Empty", l => Replies.ProductList([], l)),
        (nameof(Replies.ProductList), l => Replies.ProductList([new() { Id = 1, Name = "Cement", UnitAmountCents = 75_000 }], l)),
        .. Enum.GetValues<VatMode>().Select(m => (nameof(Replies.VatSwitched) + m, (Func<Language, Reply>)(l => Replies.VatSwitched(m, l)))),
        (nameof(Replies.VatUsage), Replies.VatUsage),
        (nameof(Replies.DraftExpired), Replies.DraftExpired),
        (nameof(Replies.DraftCancelled), Replies.DraftCancelled),
        (nameof(Replies.CannotSkip), Replies.CannotSkip),
        (nameof(Replies.NotExpectedHere), Replies.NotExpectedHere),
        (nameof(InvoiceTexts.InvoiceCreated), l => InvoiceTexts.InvoiceCreated("INV-0042", "Wanjiku", Kes(1500), l)),
        (nameof(Replies.EditDoesNotChangeInvoice), l => Replies.EditDoesNotChangeInvoice("INV-0042", l)),
        (nameof(InvoiceTexts.CustomerInvoice) + "Items", l => InvoiceTexts.CustomerInvoice("Mama Mboga", "INV-0042", "Cement x2, Delivery",
            VatBreakdown.For(VatMode.Inclusive, Kes(1800)), [Data.Invoices.InvoiceItem.Of(1, "Cement", 2, Kes(750)), Data.Invoices.InvoiceItem.Of(2, "Delivery", 1, Kes(300))],
            PayBy, "inv_1", l)),
        (nameof(InvoiceTexts.CustomerInvoice), l => InvoiceTexts.CustomerInvoice("Mama Mboga", "INV-0042", "Sukuma", Kes(1500), PayBy, "inv_1", l)),
        (nameof(InvoiceTexts.Reminder), l => InvoiceTexts.Reminder("Mama Mboga", "INV-0042", Kes(1500), PayBy, "inv_1", l)),
        (nameof(Replies.ReminderSent), l => Replies.ReminderSent("INV-0042", "Wanjiku", l)),
        (nameof(InvoiceTexts.CancelNotice), l => InvoiceTexts.CancelNotice("Mama Mboga", "INV-0042", l)),
        (nameof(Replies.InvoiceCancelled), l => Replies.InvoiceCancelled("INV-0042", l)),
        (nameof(Replies.AlreadyPaid), l => Replies.AlreadyPaid("INV-0042", l)),
        (nameof(Replies.AlreadyCancelled), l => Replies.AlreadyCancelled("INV-0042", l)),
        (nameof(Replies.UnknownInvoice), l => Replies.UnknownInvoice("INV-0042", l)),
        (nameof(Replies.Status), l => Replies.Status("INV-0042", InvoiceStatus.PartiallyPaid, Kes(1500), Kes(500), l)),
        (nameof(Replies.UnpaidPage) + "Empty", l => Replies.UnpaidPage([], new Paging(1, 0), l)),
        (nameof(Replies.UnpaidPage), l => Replies.UnpaidPage([new InvoiceSummary("INV-0042", "Wanjiku", Kes(1500))], new Paging(1, 11), l)),
        (nameof(Replies.UnpaidPage) + "Beyond", l => Replies.UnpaidPage([], new Paging(4, 11), l)),
        (nameof(Replies.NothingToPageOn), Replies.NothingToPageOn),
        (nameof(Replies.DuplicateInvoice), l => Replies.DuplicateInvoice("INV-0025", TimeSpan.FromMinutes(2.5), l)),
        (nameof(Replies.DuplicateNotSent), l => Replies.DuplicateNotSent("INV-0025", l)),
        (nameof(Replies.PickFromList), l => Replies.PickFromList(3, l)),
        (nameof(Replies.YesOrNo), Replies.YesOrNo),
        (nameof(Replies.WhichInvoiceToPay), l => Replies.WhichInvoiceToPay([new("INV-0003", "Mama Mboga", Kes(900), "Sukuma"), new("INV-0001", "Duka", Kes(1500), "Logo")], l)),
        (nameof(Replies.CheckYourPhoneForPart), l => Replies.CheckYourPhoneForPart("INV-0042", Kes(250_000), Kes(1_000_000), l)),
        (nameof(Replies.WhichCustomer), l => Replies.WhichCustomer("jane", [new("254712345678", "Jane Wanjiru"), new("254722000111", "Jane Achieng")], l)),
        (nameof(Replies.SeveralCustomersMatch), l => Replies.SeveralCustomersMatch("jane", [new("254712345678", "Jane Wanjiru"), new("254722000111", "Jane Achieng")], l)),
        (nameof(Replies.CustomerSaved), l => Replies.CustomerSaved("Jane Wanjiru", "254712345678", l)),
        (nameof(Replies.CustomerAlreadySaved), l => Replies.CustomerAlreadySaved("Jane Wanjiru", "254712345678", l)),
        (nameof(Replies.AskRename), l => Replies.AskRename("254712345678", "John Kamau", "Jane", l)),
        (nameof(Replies.CustomerRenamed), l => Replies.CustomerRenamed("254712345678", "Jane", l)),
        (nameof(Replies.CustomerNameKept), l => Replies.CustomerNameKept("254712345678", l)),
        .. Enum.GetValues<SaveCustomerProblem>().Select(p =>
            (nameof(Replies.SaveCustomerUsage) + p, (Func<Language, Reply>)(l => Replies.SaveCustomerUsage(p, l)))),
        (nameof(Replies.CustomerPage) + "Empty", l => Replies.CustomerPage([], new Paging(1, 0), l)),
        (nameof(Replies.CustomerPage), l => Replies.CustomerPage([new("Jane Wanjiru", "254712345678"), new(null, "254722000111")], new Paging(2, 12), l)),
        (nameof(InvoiceTexts.InvoiceSms), l => new Reply(InvoiceTexts.InvoiceSms("Mama Mboga", "INV-0042", "Sukuma", Kes(1500), PayBy, "https://x.test/pay/abc", Paybill("400200", "MM7-42"), l))),
        (nameof(InvoiceTexts.ReminderSms), l => new Reply(InvoiceTexts.ReminderSms("Mama Mboga", "INV-0042", Kes(1500), "https://x.test/pay/abc", Paybill("400200", "MM7-42"), l))),
        (nameof(Replies.CheckYourPhone), l => Replies.CheckYourPhone("INV-0042", Kes(1500), l)),
        (nameof(Replies.PromptAlreadyOpen), l => Replies.PromptAlreadyOpen("INV-0042", l)),
        (nameof(Replies.InvoiceAlreadyPaid), l => Replies.InvoiceAlreadyPaid("INV-0042", l)),
        (nameof(Replies.InvoiceNotPayable), l => Replies.InvoiceNotPayable("INV-0042", l)),
        (nameof(Replies.NotYourInvoice), Replies.NotYourInvoice),
        (nameof(Replies.NoUnpaidInvoice), Replies.NoUnpaidInvoice),
        (nameof(Replies.AccountNotActive) + "Pending", l => Replies.AccountNotActive(Data.Merchants.MerchantStatus.Pending, "0700 000 000", l)),
        (nameof(Replies.AccountNotActive) + "Declined", l => Replies.AccountNotActive(Data.Merchants.MerchantStatus.Declined, "0700 000 000", l)),
        (nameof(Replies.AccountNotActive) + "Suspended", l => Replies.AccountNotActive(Data.Merchants.MerchantStatus.Suspended, "0700 000 000", l)),
        (nameof(Replies.PushRefused) + "Invalid", l => Replies.PushRefused(StkErrorKind.InvalidRequest, "inv_1", l)),
        (nameof(Replies.PushRefused) + "Busy", l => Replies.PushRefused(StkErrorKind.SubscriberBusy, "inv_1", l)),
        (nameof(Replies.PushRefused) + "Service", l => Replies.PushRefused(StkErrorKind.ServiceBusy, "inv_1", l)),
        .. Enum.GetValues<PaymentFailureKind>().Select(k =>
            (nameof(Replies.PaymentNotCompleted) + k, (Func<Language, Reply>)(l => Replies.PaymentNotCompleted(k, "INV-0042", "inv_1", l)))),
        (nameof(Replies.CustomerReceipt) + "Part", l => Replies.CustomerReceipt("Mama Mboga", "INV-0042", "NLJ7RT61SV", Kes(500), Kes(1000), l)),
        (nameof(Replies.CustomerReceipt) + "Full", l => Replies.CustomerReceipt("Mama Mboga", "INV-0042", null, Kes(1500), Kes(0), l)),
        (nameof(Replies.MerchantPaymentReceived), l => Replies.MerchantPaymentReceived("0712345678", "INV-0042", "NLJ7RT61SV", Kes(1500), Kes(0), l)),
        (nameof(Replies.MerchantPaidWhileClosed), l => Replies.MerchantPaidWhileClosed("0712345678", "INV-0042", Kes(1500), l)),
        (nameof(Replies.MerchantOverpaid), l => Replies.MerchantOverpaid("0712345678", "INV-0042", Kes(1500), l)),
        (nameof(Replies.MerchantUnappliedPayment), l => Replies.MerchantUnappliedPayment("NICHOLAS", "INV 9", "RKL51ZDR4F", Kes(5), l)),
        (nameof(Replies.RemindersStopped), l => Replies.RemindersStopped("INV-0042", l)),
        (nameof(Replies.RemindersSwitched) + "On", l => Replies.RemindersSwitched(true, l)),
        (nameof(Replies.RemindersSwitched) + "Off", l => Replies.RemindersSwitched(false, l)),
        (nameof(Replies.RemindersSwitchHelp), Replies.RemindersSwitchHelp),
        (nameof(Replies.StatsSummary), l => Replies.StatsSummary(new MoneyPeriod(Kes(1500), Kes(500)), new MoneyPeriod(Kes(9000), Kes(4000)), new MoneyPeriod(Kes(120_000), Kes(95_000)), l)),
        (nameof(Replies.SummarySwitched) + "On", l => Replies.SummarySwitched(true, l)),
        (nameof(Replies.SummarySwitched) + "Off", l => Replies.SummarySwitched(false, l)),
        (nameof(Replies.SummaryUsage), Replies.SummaryUsage),
        (nameof(Replies.PdfSwitched) + "On", l => Replies.PdfSwitched(true, l)),
        (nameof(Replies.PdfSwitched) + "Off", l => Replies.PdfSwitched(false, l)),
        (nameof(Replies.PdfUsage), Replies.PdfUsage),
        (nameof(Replies.EveningSummary), l => Replies.EveningSummary(new DateOnly(2026, 3, 12), 3, Kes(4500), 1, 1, l)),
        (nameof(Replies.SlowDown), Replies.SlowDown),
        (nameof(Replies.WebLink), l => Replies.WebLink("https://bot.example.com/app/login/link/abc", l)),
        (nameof(Replies.DailyInvoiceLimitReached), l => Replies.DailyInvoiceLimitReached(50, l)),
        (nameof(Replies.TryAgainButton), l => new Reply(Replies.TryAgainButton("inv_1", l).Title, [Replies.TryAgainButton("inv_1", l)])),
        (nameof(Replies.StaffList) + "Empty", l => Replies.StaffList([], l)),
        (nameof(Replies.StaffList), l => Replies.StaffList([new() { Phone = "254712345678", Name = "Jane" }, new() { Phone = "254722000111", Name = "Otieno" }], l)),
        (nameof(Replies.StaffAdded), l => Replies.StaffAdded("Jane", "254712345678", l)),
        (nameof(Replies.StaffWelcome), l => Replies.StaffWelcome("Acme Designs", l)),
        .. Enum.GetValues<Data.Staff.StaffAddResult>().Where(r => r != Data.Staff.StaffAddResult.Added).Select(r =>
            (nameof(Replies.StaffNotAdded) + r, (Func<Language, Reply>)(l => Replies.StaffNotAdded(r, "254712345678", l)))),
        (nameof(Replies.StaffRemoved), l => Replies.StaffRemoved("Jane", "254712345678", l)),
        (nameof(Replies.NotStaff), l => Replies.NotStaff("254712345678", l)),
        .. Enum.GetValues<StaffProblem>().Select(p =>
            (nameof(Replies.StaffUsage) + p, (Func<Language, Reply>)(l => Replies.StaffUsage(p, l)))),
        (nameof(Replies.OwnerOnly), l => Replies.OwnerOnly("Acme Designs", l)),
        (nameof(Replies.OnlyOwnerChanges), l => Replies.OnlyOwnerChanges("INV-0042", l)),
        (nameof(Replies.StaffHelp), l => Replies.StaffHelp("Acme Designs", l)),
        (nameof(Replies.MpesaUsage), Replies.MpesaUsage),
        (nameof(Replies.MpesaSetupLink), l => Replies.MpesaSetupLink("https://bot.example.com/setup/mpesa/abc", l)),
        (nameof(Replies.MpesaStatus) + "None", l => Replies.MpesaStatus(null, l)),
        (nameof(Replies.MpesaStatus) + "Till", l => Replies.MpesaStatus(new() { Kind = "TILL", ShortCode = "600111", PartyB = "832909", Secrets = "x",
            SavedAt = new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero), LastUsedAt = new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.Zero) }, l)),
        (nameof(Replies.MpesaStatus) + "Paybill", l => Replies.MpesaStatus(new() { Kind = "PAYBILL", ShortCode = "600111", Secrets = "x" }, l)),
        (nameof(Replies.MpesaRemoved), Replies.MpesaRemoved),
        (nameof(Replies.MpesaNothingToRemove), Replies.MpesaNothingToRemove),
        (nameof(Replies.MpesaKeysRefused), l => Replies.MpesaKeysRefused("INV-0042", "400.002.02", l)),
        (nameof(Replies.Balance) + "Empty", l => Replies.Balance(Money.Zero, [], l)),
        (nameof(Replies.Balance), l => Replies.Balance(Money.FromCents(147_525), LedgerSample, l)),
        (nameof(Replies.Balance) + "OnTheWay", l => Replies.Balance(Money.FromCents(147_525), LedgerSample, l, Money.FromShillings(1_400))),
        (nameof(Replies.BalanceNotCollected), Replies.BalanceNotCollected),
        (nameof(Replies.PayoutPaid), l => Replies.PayoutPaid(Money.FromShillings(1_500), "SG632NMUAB", l)),
        (nameof(Replies.PayoutFailed), l => Replies.PayoutFailed(Money.FromShillings(1_500), l)),
    ];

    [Theory]
    [InlineData("en", "Collected for you and not yet paid out: KES 1,475.25.", "12/03 Paid INV-0042 +KES 2,000", "12/03 Fee INV-0042 -KES 24.75", "12/03 Paid out QK12ABC34D -KES 500")]
    [InlineData("sw", "na bado haijalipwa kwako: KES 1,475.25.", "12/03 Malipo INV-0042 +KES 2,000", "12/03 Ada INV-0042 -KES 24.75", "12/03 Umelipwa QK12ABC34D -KES 500")]
    public void Balance_Entries_ShowsBalanceToTheCentAndEachEntryOnNairobiDays(string code, params string[] expected)
    {
        var text = Replies.Balance(Money.FromCents(147_525), LedgerSample, Language.FromCode(code)).Text;

        Assert.All(expected, e => Assert.Contains(e, text));
    }

    public static TheoryData<string> Entries => new(Catalogue.Select(e => e.Method));

    [Theory]
    [MemberData(nameof(Entries))]
    public void Catalogue_EveryEntry_HasDistinctEnglishAndSwahiliWithinChannelLimits(string method)
    {
        var render = Catalogue.Single(e => e.Method == method).Render;
        var english = render(Language.English);
        var swahili = render(Language.Swahili);

        Assert.False(string.IsNullOrWhiteSpace(english.Text));
        Assert.False(string.IsNullOrWhiteSpace(swahili.Text));
        Assert.NotEqual(english.Text, swahili.Text);
        foreach (var reply in new[] { english, swahili })
        {
            Assert.True(reply.Buttons.Count <= 3, method);
            Assert.All(reply.Buttons, b => Assert.InRange(b.Title.Length, 1, 20));
            Assert.True(Gsm7.IsEncodable(reply.Text), $"{method}: non GSM-7 text");
            Assert.InRange(reply.Text.Length, 1, 1024);
        }
    }

    [Fact]
    public void Catalogue_EveryPublicText_IsListedInTheTest()
    {
        var methods = new[] { typeof(Replies), typeof(InvoiceTexts) }.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(Reply) || m.ReturnType == typeof(string) || m.ReturnType == typeof(Data.Outbox.ReplyButton))
            .Select(m => m.Name)
            .Distinct();

        Assert.All(methods, name => Assert.Contains(Catalogue, e => e.Method.StartsWith(name, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "Pay with M-PESA")]
    [InlineData("sw", "Lipa kwa M-PESA")]
    public void CustomerInvoice_Language_CarriesPayButtonAndDetails(string code, string buttonTitle)
    {
        var reply = InvoiceTexts.CustomerInvoice("Mama Mboga", "INV-0042", "Sukuma wiki", Kes(1500), PayBy, "inv_9", Language.FromCode(code));

        var button = Assert.Single(reply.Buttons);
        Assert.Equal(("pay:inv_9", buttonTitle), (button.Id, button.Title));
        Assert.Contains("Mama Mboga", reply.Text);
        Assert.Contains("INV-0042", reply.Text);
        Assert.Contains("Sukuma wiki", reply.Text);
        Assert.Contains("KES 1,500", reply.Text);
        Assert.Contains("12/03/2026", reply.Text);
    }

    [Fact]
    public void ConfirmDraft_Draft_ShowsSummaryAndSendEditCancelButtons()
    {
        var reply = Replies.ConfirmDraft(Draft, Language.English);

        Assert.Contains("Wanjiku (0712345678)", reply.Text);
        Assert.Contains("KES 1,500", reply.Text);
        Assert.Contains("Website design", reply.Text);
        Assert.Equal(["draft:send", "draft:edit", "draft:cancel"], reply.Buttons.Select(b => b.Id));
    }

    [Fact]
    public void InvoiceSms_LongMerchantAndDescription_FitsTwoGsmSegments()
    {
        var sms = InvoiceTexts.InvoiceSms(
            "Wanjiku's Extremely Long Business Name Salon & Barber Shop Nairobi CBD Branch 🌟",
            "INV-12345",
            string.Concat(Enumerable.Repeat("Braiding, wash and treatment “deluxe” 💇🏾 ", 6)),
            Kes(999_999),
            PayBy,
            "https://invoicefirst.example.co.ke/pay/8f3a2c9d4e5b6a7f8091a2b3c4d5e6f7",
            Paybill("4002001", "XKCD42-12345"),
            Language.Swahili);

        Assert.True(Gsm7.Septets(sms) <= Gsm7.TwoSegmentSeptets, $"{Gsm7.Septets(sms)} septets");
        Assert.True(Gsm7.IsEncodable(sms));
        Assert.Contains("Paybill 4002001 Account XKCD42-12345", sms);
        Assert.Contains("https://invoicefirst.example.co.ke/pay/8f3a2c9d4e5b6a7f8091a2b3c4d5e6f7", sms);
        Assert.Contains("KES 999,999", sms);
        Assert.Contains("Braiding, wash", sms);
        Assert.Contains("...", sms);
    }

    [Fact]
    public void InvoiceSms_ShortDescription_KeptWhole()
    {
        var sms = InvoiceTexts.InvoiceSms("Duka", "INV-0042", "Sukuma", Kes(150), PayBy, "https://x.test/pay/t", Paybill("400200", "MM7-42"), Language.English);

        Assert.Equal("Duka: invoice INV-0042 for Sukuma. Amount KES 150, due 12/03/2026. Pay: https://x.test/pay/t or M-PESA Paybill 400200 Account MM7-42", sms);
    }

    [Theory]
    [InlineData("en", "Pay: https://x.test/pay/t or M-PESA Buy Goods Till 5551234")]
    [InlineData("sw", "Lipa: https://x.test/pay/t au M-PESA Buy Goods Till 5551234")]
    public void InvoiceAndReminderSms_Till_NamesTheTillWithoutAnAccount(string code, string ending)
    {
        var till = new PayInstructions(true, "5551234", "MM7-42");
        var lang = Language.FromCode(code);

        var invoice = InvoiceTexts.InvoiceSms("Duka", "INV-0042", "Sukuma", Kes(150), PayBy, "https://x.test/pay/t", till, lang);
        var reminder = InvoiceTexts.ReminderSms("Duka", "INV-0042", Kes(150), "https://x.test/pay/t", till, lang);

        Assert.EndsWith(ending, invoice);
        Assert.EndsWith(ending, reminder);
        Assert.DoesNotContain("Account", invoice);
    }

    [Fact]
    public void InvoiceSms_NoShortCodeToPayByHand_OnlyTheLink()
    {
        var sms = InvoiceTexts.InvoiceSms("Duka", "INV-0042", "Sukuma", Kes(150), PayBy, "https://x.test/pay/t", byHand: null, Language.English);

        Assert.EndsWith("Pay: https://x.test/pay/t", sms);
        Assert.DoesNotContain("Paybill", sms);
    }

    private static PayInstructions Paybill(string shortCode, string account) => new(false, shortCode, account);

    [Fact]
    public void StatsSummary_ThreePeriods_ShowsInvoicedCollectedOutstanding()
    {
        var text = Replies.StatsSummary(new MoneyPeriod(Kes(1500), Kes(500)), new MoneyPeriod(Kes(9000), Kes(4000)), new MoneyPeriod(Kes(120_000), Kes(95_000)), Language.English).Text;

        Assert.Contains("Today: invoiced KES 1,500, collected KES 500, outstanding KES 1,000", text);
        Assert.Contains("This week: invoiced KES 9,000, collected KES 4,000, outstanding KES 5,000", text);
        Assert.Contains("This month: invoiced KES 120,000, collected KES 95,000, outstanding KES 25,000", text);
    }

    [Fact]
    public void Status_PartlyPaid_ShowsBalance()
    {
        var text = Replies.Status("INV-0042", InvoiceStatus.PartiallyPaid, Kes(1500), Kes(500), Language.English).Text;

        Assert.Contains("partly paid", text);
        Assert.Contains("Balance: KES 1,000", text);
    }

    [Fact]
    public void ForCommandError_AmountTooLarge_NamesCallerMaximum()
    {
        var reply = Replies.ForCommandError(new CommandError(CommandErrorKind.InvalidAmount, AmountError.TooLarge), Language.English, 250_000);

        Assert.Contains("KES 250,000", reply.Text);
    }

    [Fact]
    public void InvalidPhone_Any_NamesAcceptedForms()
    {
        var text = Replies.InvalidPhone(Language.Swahili).Text;

        Assert.All(new[] { "0712345678", "712345678", "254712345678", "+254712345678" }, f => Assert.Contains(f, text));
    }
}
