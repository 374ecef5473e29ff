using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class CommandParserTests
{
    public static TheoryData<string, ParsedCommand> Commands => new()
    {
        { "invoice 0712345678 1500 Website design", new CreateInvoiceCommand("254712345678", null, 1500, "Website design") },
        { "INVOICE 0712345678 1500 Website design", new CreateInvoiceCommand("254712345678", null, 1500, "Website design") },
        { "inv +254712345678 2k Logo", new CreateInvoiceCommand("254712345678", null, 2000, "Logo") },
        { "  invoice   0712 345 678   KES 1,500   Website  design  ", new CreateInvoiceCommand("254712345678", null, 1500, "Website  design") },
        { "invoice +254-712-345-678 Ksh 1,500.00 Chai 🍵 \"special\"", new CreateInvoiceCommand("254712345678", null, 1500, "Chai 🍵 \"special\"") },
        { "invoice 254 712 345 678 1500/- Ukarabati", new CreateInvoiceCommand("254712345678", null, 1500, "Ukarabati") },
        { "invoice 0110123456 sh 300 Mboga", new CreateInvoiceCommand("254110123456", null, 300, "Mboga") },
        { "invoice Wanjiku Kamau 1500 Hair braiding", new CreateInvoiceCommand(null, "Wanjiku Kamau", 1500, "Hair braiding") },
        { "invoice Otieno KES 800 Repairs", new CreateInvoiceCommand(null, "Otieno", 800, "Repairs") },
        { "ankara 0712345678 1500 Muundo wa tovuti", new CreateInvoiceCommand("254712345678", null, 1500, "Muundo wa tovuti") { DetectedLanguage = Language.Swahili } },
        { "Ankara Mama Njeri 1.5k Sukuma", new CreateInvoiceCommand(null, "Mama Njeri", 1500, "Sukuma") { DetectedLanguage = Language.Swahili } },
        { "invoice", new StartGuidedCommand() },
        { "Inv", new StartGuidedCommand() },
        { "new", new StartGuidedCommand() },
        { " NEW ", new StartGuidedCommand() },
        { "ankara", new StartGuidedCommand { DetectedLanguage = Language.Swahili } },
        { "mpya", new StartGuidedCommand { DetectedLanguage = Language.Swahili } },
        { "remind INV-0042", new RemindCommand("INV-0042") },
        { "remind inv-42", new RemindCommand("INV-0042") },
        { "Remind 0042", new RemindCommand("INV-0042") },
        { "remind 42", new RemindCommand("INV-0042") },
        { "remind inv 42", new RemindCommand("INV-0042") },
        { "remind INV-12345", new RemindCommand("INV-12345") },
        { "kumbusha 42", new RemindCommand("INV-0042") { DetectedLanguage = Language.Swahili } },
        { "cancel INV-0007", new CancelCommand("INV-0007") },
        { "ghairi 7", new CancelCommand("INV-0007") { DetectedLanguage = Language.Swahili } },
        { "status 42", new StatusCommand("INV-0042") },
        { "HALI inv-42", new StatusCommand("INV-0042") { DetectedLanguage = Language.Swahili } },
        { "list", new ListCommand() },
        { "orodha", new ListCommand { DetectedLanguage = Language.Swahili } },
        { "help", new HelpCommand() },
        { "msaada", new HelpCommand { DetectedLanguage = Language.Swahili } },
        { "web", new WebCommand() },
        { "Dashboard", new WebCommand() },
        { "dashibodi", new WebCommand { DetectedLanguage = Language.Swahili } },
        { "mpesa", new MpesaCommand(MpesaAction.Show) },
        { "M-PESA setup", new MpesaCommand(MpesaAction.Setup) },
        { "mpesa weka", new MpesaCommand(MpesaAction.Setup) { DetectedLanguage = Language.Swahili } },
        { "mpesa remove", new MpesaCommand(MpesaAction.Remove) },
        { "mpesa ondoa", new MpesaCommand(MpesaAction.Remove) { DetectedLanguage = Language.Swahili } },
        { "mpesa please", new CommandError(CommandErrorKind.MpesaUsage) },
        { "balance", new BalanceCommand() },
        { " Balance ", new BalanceCommand() },
        { "salio", new BalanceCommand { DetectedLanguage = Language.Swahili } },
        { "balance please", new UnknownCommand() },
        { "lang en", new LanguageCommand("en") },
        { "lang SW", new LanguageCommand("sw") },
        { "lang english", new LanguageCommand("en") },
        { "lang swahili", new LanguageCommand("sw") },
        { "lang Kiswahili", new LanguageCommand("sw") },
        { "lugha en", new LanguageCommand("en") { DetectedLanguage = Language.Swahili } },
        { "lugha sw", new LanguageCommand("sw") { DetectedLanguage = Language.Swahili } },
        { "stop 42", new StopRemindersCommand("INV-0042") },
        { "STOP inv-42", new StopRemindersCommand("INV-0042") },
        { "acha 42", new StopRemindersCommand("INV-0042") { DetectedLanguage = Language.Swahili } },
        { "reminders off", new RemindersCommand(false) },
        { "Reminders ON", new RemindersCommand(true) },
        { "vikumbusho zima", new RemindersCommand(false) { DetectedLanguage = Language.Swahili } },
        { "vikumbusho washa", new RemindersCommand(true) { DetectedLanguage = Language.Swahili } },
        { "stats", new StatsCommand() },
        { "takwimu", new StatsCommand { DetectedLanguage = Language.Swahili } },
        { "stats please", new UnknownCommand() },
        { "summary on", new SummaryCommand(true) },
        { "SUMMARY off", new SummaryCommand(false) },
        { "muhtasari washa", new SummaryCommand(true) { DetectedLanguage = Language.Swahili } },
        { "muhtasari zima", new SummaryCommand(false) { DetectedLanguage = Language.Swahili } },
        { "pdf off", new PdfCommand(false) },
        { "PDF washa", new PdfCommand(true) },
        { "hello", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Language.English } },
        { "", new UnknownCommand() },
        { "   ", new UnknownCommand() },
        { "pay", new UnknownCommand() },
        { "new invoice please", new UnknownCommand() },
        { "invoices", new DidYouMeanCommand("invoice") { DetectedLanguage = Language.English } },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_KnownCommand_ReturnsCommand(string text, ParsedCommand expected)
    {
        Assert.Equal(expected, CommandParser.Parse(text));
    }

    public static TheoryData<string, CommandErrorKind, AmountError?> Errors => new()
    {
        { "invoice 0712345678 abc Website", CommandErrorKind.InvalidAmount, AmountError.NotANumber },
        { "invoice 0712345678 1500.50 Website", CommandErrorKind.InvalidAmount, AmountError.HasCents },
        { "invoice 0712345678 1e3 Website", CommandErrorKind.InvalidAmount, AmountError.Exponent },
        { "invoice 0712345678 0 Website", CommandErrorKind.InvalidAmount, AmountError.ZeroOrNegative },
        { "invoice 0712345678 -5 Website", CommandErrorKind.InvalidAmount, AmountError.ZeroOrNegative },
        { "invoice 0712345678 2000000 Website", CommandErrorKind.InvalidAmount, AmountError.TooLarge },
        { "invoice 0712345678 KES 1,50 Website", CommandErrorKind.InvalidAmount, AmountError.NotANumber },
        { "invoice Otieno 1500.50 Repairs", CommandErrorKind.InvalidAmount, AmountError.HasCents },
        { "invoice 0712 abc Website", CommandErrorKind.InvalidPhone, null },
        { "invoice 0201234567 1500 Website", CommandErrorKind.InvalidPhone, null },
        { "invoice +255712345678 1500 Website", CommandErrorKind.InvalidPhone, null },
        { "invoice 1500 Website", CommandErrorKind.InvalidPhone, null },
        { "invoice KES 1500 Website", CommandErrorKind.MissingCustomer, null },
        { "invoice Otieno Website", CommandErrorKind.MissingAmount, null },
        { "invoice 0712345678", CommandErrorKind.MissingAmount, null },
        { "invoice 0712345678 1500", CommandErrorKind.MissingDescription, null },
        { "invoice 0712345678 KES 1500", CommandErrorKind.MissingDescription, null },
        { "invoice 0712345678 1500 ab", CommandErrorKind.DescriptionTooShort, null },
        { "invoice 0712345678 1500 " + new string('x', 121), CommandErrorKind.DescriptionTooLong, null },
        { "invoice O 1500 Website", CommandErrorKind.CustomerNameTooShort, null },
        { "invoice " + new string('n', 61) + " 1500 Website", CommandErrorKind.CustomerNameTooLong, null },
        { "ankara 0712345678 elfu Kazi", CommandErrorKind.InvalidAmount, AmountError.NotANumber },
        { "remind", CommandErrorKind.MissingInvoiceNumber, null },
        { "kumbusha", CommandErrorKind.MissingInvoiceNumber, null },
        { "remind abc", CommandErrorKind.InvalidInvoiceNumber, null },
        { "remind 42 now", CommandErrorKind.InvalidInvoiceNumber, null },
        { "cancel", CommandErrorKind.MissingInvoiceNumber, null },
        { "ghairi INV-x", CommandErrorKind.InvalidInvoiceNumber, null },
        { "status", CommandErrorKind.MissingInvoiceNumber, null },
        { "hali ?", CommandErrorKind.InvalidInvoiceNumber, null },
        { "lang", CommandErrorKind.MissingLanguage, null },
        { "summary", CommandErrorKind.MissingSummarySwitch, null },
        { "muhtasari labda", CommandErrorKind.MissingSummarySwitch, null },
        { "pdf", CommandErrorKind.MissingPdfSwitch, null },
        { "pdf please", CommandErrorKind.MissingPdfSwitch, null },
        { "lang fr", CommandErrorKind.UnsupportedLanguage, null },
        { "lugha kifaransa", CommandErrorKind.UnsupportedLanguage, null },
        { "stop", CommandErrorKind.MissingInvoiceNumber, null },
        { "acha abc", CommandErrorKind.InvalidInvoiceNumber, null },
        { "reminders", CommandErrorKind.MissingSwitch, null },
        { "vikumbusho labda", CommandErrorKind.MissingSwitch, null },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_KeywordWithBadArguments_ReturnsSpecificError(string text, CommandErrorKind kind, AmountError? amountError)
    {
        var error = Assert.IsType<CommandError>(CommandParser.Parse(text));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(amountError, error.AmountError);
    }

    [Fact]
    public void Parse_CallerMaximum_AppliesToAmount()
    {
        var error = Assert.IsType<CommandError>(CommandParser.Parse("invoice 0712345678 600 Chai", maxShillings: 500));

        Assert.Equal(AmountError.TooLarge, error.AmountError);
    }

    [Fact]
    public void Parse_SwahiliKeywordError_DetectsSwahili()
    {
        Assert.Equal(Language.Swahili, CommandParser.Parse("kumbusha").DetectedLanguage);
        Assert.Null(CommandParser.Parse("remind").DetectedLanguage);
    }
}
