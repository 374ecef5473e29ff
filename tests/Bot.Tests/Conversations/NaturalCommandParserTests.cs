using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>The messages of issue 16, as merchants wrote them, and what each must become.</summary>
public sealed class NaturalCommandParserTests
{
    private const string Jane = "254712345678";
    private const string Other = "254722000111";
    private static readonly Language Sw = Language.Swahili;

    private static CreateInvoiceCommand Invoice(string? msisdn, string? name, long amount, string description) =>
        new(msisdn, name, amount, description);

    private static ProposeInvoiceCommand Sentence(CreateInvoiceCommand invoice) => new(invoice, ProposalReason.Sentence);

    private static ParsedCommand InSwahili(ParsedCommand command) => command with { DetectedLanguage = Sw };

    private static ParsedCommand InEnglish(ParsedCommand command) => command with { DetectedLanguage = Language.English };

    private static ProposeInvoiceCommand Typo(CreateInvoiceCommand invoice) => new(invoice, ProposalReason.Typo);

    public static TheoryData<string, ParsedCommand> Messages => new()
    {
        // Words around the phone are the customer's name (these got "The most one invoice can be is KES 1,000,000").
        { "Invoice Jane 0712345678 1500 Logo", Invoice(Jane, "Jane", 1500, "Logo") },
        { "Invoice Jane Wanjiru 0712345678 3500 hair braiding", Invoice(Jane, "Jane Wanjiru", 3500, "hair braiding") },
        { "invoice 0712345678 Jane 1500 Logo", Invoice(Jane, "Jane", 1500, "Logo") },
        { "ankara Mama Njeri 0712 345 678 elfu mbili Sukuma", InSwahili(Invoice(Jane, "Mama Njeri", 2000, "Sukuma")) },
        { "Ankara ya 0712345678 1500 viatu", InSwahili(Sentence(Invoice(Jane, null, 1500, "viatu"))) },
        { "invoice to 0712345678 for 1500 Logo", Sentence(Invoice(Jane, null, 1500, "Logo")) },
        { "invoice 0712345678 0722000111 500 test item", new AskWhichPhoneCommand(Jane, Other, 500, "test item") },
        { "invoice 0712345678 +254712345678 500 test item", Invoice(Jane, null, 500, "test item") },
        { "ankara 0712345678 0722000111 mia tano kitu", new AskWhichPhoneCommand(Jane, Other, 500, "kitu") { DetectedLanguage = Sw } },

        // Amount words and suffixes.
        { "invoice 0712345678 1500ksh Logo", Invoice(Jane, null, 1500, "Logo") },
        { "invoice 0712345678 2500ksh Logo", Invoice(Jane, null, 2500, "Logo") },
        { "invoice 0712345678 500bob airtime", Invoice(Jane, null, 500, "airtime") },
        { "invoice 0712345678 500 bob airtime", Invoice(Jane, null, 500, "airtime") },
        { "invoice 0712345678 1,500 kes Logo", Invoice(Jane, null, 1500, "Logo") },
        { "invoice 0712345678 1500 /= Logo", Invoice(Jane, null, 1500, "Logo") },
        { "invoice 0712345678 2k Logo", Invoice(Jane, null, 2000, "Logo") },
        { "invoice 0712345678 0.5m Gari", Invoice(Jane, null, 500_000, "Gari") },
        { "ankara 0712345678 elfu mbili viatu", InSwahili(Invoice(Jane, null, 2000, "viatu")) },
        { "ankara 0712345678 elfu 2 viatu", InSwahili(Invoice(Jane, null, 2000, "viatu")) },
        { "ankara 0712345678 mia tano maziwa", InSwahili(Invoice(Jane, null, 500, "maziwa")) },
        { "ankara 0712345678 shilingi elfu kumi na tano kodi", InSwahili(Invoice(Jane, null, 15_000, "kodi")) },
        { "ankara 0712345678 laki moja na elfu hamsini gari", InSwahili(Invoice(Jane, null, 150_000, "gari")) },

        // A keyword with one typo is asked about, never sent.
        { "invioce 0712345678 1500 Logo", InEnglish(Typo(Invoice(Jane, null, 1500, "Logo"))) },
        { "invoce 0712345678 1500 Logo", InEnglish(Typo(Invoice(Jane, null, 1500, "Logo"))) },
        { "ankra 0712345678 elfu 2 viatu", InSwahili(Typo(Invoice(Jane, null, 2000, "viatu"))) },
        { "invoce", new DidYouMeanCommand("invoice") { DetectedLanguage = Language.English } },
        { "remnd 42", new DidYouMeanCommand("remind 42") { DetectedLanguage = Language.English } },
        { "kumbsha 42", new DidYouMeanCommand("kumbusha 42") { DetectedLanguage = Sw } },

        // Sentences are proposed with the summary.
        { "send invoice to 0712345678 for 1500 website design", Sentence(Invoice(Jane, null, 1500, "website design")) },
        { "Please send an invoice to Jane Wanjiru 0712345678 for KES 3,500 hair braiding",
            Sentence(Invoice(Jane, "Jane Wanjiru", 3500, "hair braiding")) },
        { "nitumie ankara ya 0712345678 1500 viatu", Sentence(Invoice(Jane, null, 1500, "viatu")) },
        { "nataka kutuma invoice ya 1500 kwa 0712345678 ya viatu", Sentence(Invoice(Jane, null, 1500, "viatu")) },
        { "tuma ankara kwa 0712345678 ya elfu mbili viatu", Sentence(Invoice(Jane, null, 2000, "viatu")) },
        { "0712345678 1500 website design", Sentence(Invoice(Jane, null, 1500, "website design")) },
        { "send invoice to Jane for 1500 logo", Sentence(Invoice(msisdn: null, name: "Jane", 1500, "logo")) },
        { "nataka kutuma ankara ya 1500 kwa Jane ya viatu", Sentence(Invoice(msisdn: null, name: "Jane", 1500, "viatu")) },

        // Greetings and small talk get the menu, in the greeting's language.
        { "hi", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Language.English } },
        { "Hello!", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Language.English } },
        { "menu", new GreetingCommand(GreetingKind.Menu) { DetectedLanguage = Language.English } },
        { "thanks", new GreetingCommand(GreetingKind.Thanks) { DetectedLanguage = Language.English } },
        { "ok thank you", new GreetingCommand(GreetingKind.Thanks) { DetectedLanguage = Language.English } },
        { "habari", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Sw } },
        { "habari yako", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Sw } },
        { "Mambo", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Sw } },
        { "niaje", new GreetingCommand(GreetingKind.Hello) { DetectedLanguage = Sw } },
        { "asante sana", new GreetingCommand(GreetingKind.Thanks) { DetectedLanguage = Sw } },
        { "?", new GreetingCommand(GreetingKind.Menu) },
        { "👍", new AcknowledgementCommand() },
        { "🙏🏾 🙏🏾", new AcknowledgementCommand() },
        { "...", new AcknowledgementCommand() },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_AsMerchantsWriteIt_RightCommand(string text, ParsedCommand expected)
    {
        Assert.Equal(expected, CommandParser.Parse(text));
    }

    public static TheoryData<string> NotInvoices => new()
    {
        // Two amounts, two phones, no words after them, or a number that only might be the amount: no guess.
        "send invoice to 0712345678 for 1500 for 3 bags",
        "send invoice to 0712345678 and 0722000111 for 1500 logo",
        "send invoice to 0712345678 for 1500",
        "I will pay 1500 tomorrow",
        "hello 0712345678",
        "habari, tuma 500",
        "stats please",
        "Mia 1500 logo",
    };

    [Theory]
    [MemberData(nameof(NotInvoices))]
    public void Parse_UnsureWhatIsMeant_NeitherSendsNorProposes(string text)
    {
        var parsed = CommandParser.Parse(text);

        Assert.IsNotType<CreateInvoiceCommand>(parsed);
        Assert.IsNotType<ProposeInvoiceCommand>(parsed);
    }

    [Theory]
    [InlineData("invoice Jane 0201234567 1500 Logo", CommandErrorKind.InvalidPhone, null)]
    [InlineData("invoice 0712345678 1.2m Gari", CommandErrorKind.InvalidAmount, AmountError.TooLarge)]
    [InlineData("ankara 0712345678 laki kumi na moja Gari", CommandErrorKind.InvalidAmount, AmountError.TooLarge)]
    [InlineData("invoice 0712345678 0bob Logo", CommandErrorKind.InvalidAmount, AmountError.ZeroOrNegative)]
    [InlineData("status", CommandErrorKind.MissingInvoiceNumber, null)]
    [InlineData("hali", CommandErrorKind.MissingInvoiceNumber, null)]
    public void Parse_MistakeAroundNewForms_SaysWhichMistake(string text, CommandErrorKind kind, AmountError? amountError)
    {
        var error = Assert.IsType<CommandError>(CommandParser.Parse(text));

        Assert.Equal((kind, amountError), (error.Kind, error.AmountError));
    }

    [Fact]
    public void Parse_HigherMaximum_ReadsMillions()
    {
        Assert.Equal(Invoice(Jane, null, 1_200_000, "Gari"), CommandParser.Parse("invoice 0712345678 1.2m Gari", maxShillings: 2_000_000));
    }

    [Theory]
    [InlineData("status", CommandWord.Status)]
    [InlineData("cancel", CommandWord.Cancel)]
    [InlineData("ghairi", CommandWord.Cancel)]
    [InlineData("remind", CommandWord.Remind)]
    public void Parse_NumberMissing_NamesTheCommand(string text, CommandWord word)
    {
        Assert.Equal(word, Assert.IsType<CommandError>(CommandParser.Parse(text)).For);
    }

    [Fact]
    public void Parse_ChosenPhoneButton_ProposesThatInvoice()
    {
        var which = Assert.IsType<AskWhichPhoneCommand>(CommandParser.Parse("invoice 0712345678 0722000111 500 test item"));
        var second = Replies.AskWhichPhone(which, Language.English).Buttons[1];

        Assert.Equal("0722000111", second.Title);
        Assert.Equal(new ProposeInvoiceCommand(Invoice(Other, null, 500, "test item"), ProposalReason.ChosenPhone), CommandParser.Parse(second.Id));
    }
}
