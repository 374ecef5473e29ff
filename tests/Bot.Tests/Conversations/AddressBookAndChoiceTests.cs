using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>The pure pieces of the address book, paged lists, questions and customer language.</summary>
public sealed class AddressBookAndChoiceTests
{
    public static TheoryData<string, ParsedCommand> Commands => new()
    {
        { "list 2", new ListCommand(2) },
        { "orodha 3", new ListCommand(3) { DetectedLanguage = Language.Swahili } },
        { "list 0", new ListCommand(1) },
        { "list paid", new ListCommand(1) },
        { "more", new MoreCommand() },
        { "Next", new MoreCommand() },
        { "zaidi", new MoreCommand { DetectedLanguage = Language.Swahili } },
        { "customers", new CustomersCommand(1) },
        { "wateja 2", new CustomersCommand(2) { DetectedLanguage = Language.Swahili } },
        { "customer Jane Wanjiru 0712345678", new SaveCustomerCommand("Jane Wanjiru", "254712345678") },
        { "customer Jane Wanjiru 0712 345 678", new SaveCustomerCommand("Jane Wanjiru", "254712345678") },
        { "customer +254712345678 John Kamau", new SaveCustomerCommand("John Kamau", "254712345678") },
        { "mteja Mama Njeri 0722000111", new SaveCustomerCommand("Mama Njeri", "254722000111") { DetectedLanguage = Language.Swahili } },
        { "customer", new SaveCustomerRefused(SaveCustomerProblem.Missing) },
        { "customer Jane", new SaveCustomerRefused(SaveCustomerProblem.Missing) },
        { "customer Jane 07123", new SaveCustomerRefused(SaveCustomerProblem.InvalidPhone) },
        { "customer J 0712345678", new SaveCustomerRefused(SaveCustomerProblem.InvalidName) },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_PagingAndAddressBook_ReturnsCommand(string text, ParsedCommand expected)
    {
        Assert.Equal(expected, CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("yes", AnswerKind.Yes, 0)]
    [InlineData("Ndio", AnswerKind.Yes, 0)]
    [InlineData("ndiyo!", AnswerKind.Yes, 0)]
    [InlineData(ChatAnswer.YesButton, AnswerKind.Yes, 0)]
    [InlineData("no", AnswerKind.No, 0)]
    [InlineData("HAPANA", AnswerKind.No, 0)]
    [InlineData(ChatAnswer.NoButton, AnswerKind.No, 0)]
    [InlineData("2", AnswerKind.Number, 2)]
    [InlineData("2.", AnswerKind.Number, 2)]
    [InlineData("#3", AnswerKind.Number, 3)]
    [InlineData("namba 1", AnswerKind.Number, 1)]
    [InlineData("0", AnswerKind.None, 0)]
    [InlineData("list", AnswerKind.None, 0)]
    [InlineData("invoice 0712345678 500 Logo", AnswerKind.None, 0)]
    [InlineData("yes please send it", AnswerKind.None, 0)]
    public void ChatAnswer_Parse_ReadsYesNoOrAPick(string text, AnswerKind kind, int number)
    {
        Assert.Equal(new ChatAnswer(kind, number), ChatAnswer.Parse(text));
    }

    [Theory]
    [InlineData("1", "inv_a")]
    [InlineData("2", "inv_b")]
    [InlineData("INV-0012", "inv_c")]
    [InlineData("inv 12", "inv_c")]
    [InlineData("12", "inv_c")]
    [InlineData("4", null)]
    [InlineData("INV-0099", null)]
    [InlineData("hello", null)]
    public void Chosen_PlaceOrInvoiceNumber_PicksThatInvoiceOnly(string text, string? expected)
    {
        var question = new InvoiceChoice(DateTimeOffset.UnixEpoch,
            [new PayOption("inv_a", "INV-0003"), new PayOption("inv_b", "INV-0002"), new PayOption("inv_c", "INV-0012")]);

        Assert.Equal(expected, CustomerChat.Chosen(question, text)?.InvoiceId);
    }

    [Theory]
    [InlineData("INV-0001", null)]
    [InlineData("1", "inv_acme")]
    [InlineData("2", "inv_duka")]
    public void Chosen_TwoBusinessesEachSentAnInv0001_TheNumberPicksNeitherThePlaceDoes(string text, string? expected)
    {
        var question = new InvoiceChoice(DateTimeOffset.UnixEpoch, [new PayOption("inv_acme", "INV-0001"), new PayOption("inv_duka", "INV-0001")]);

        Assert.Equal(expected, CustomerChat.Chosen(question, text)?.InvoiceId);
    }

    [Fact]
    public void UnpaidPage_ThirtyOwed_CountsAllAndPointsToTheNextPage()
    {
        var page = Enumerable.Range(11, 10).Select(i => new InvoiceSummary($"INV-{i:D4}", "Otieno", Money.FromShillings(100))).ToList();

        var english = Replies.UnpaidPage(page, new Paging(2, 30), Language.English).Text;
        var swahili = Replies.UnpaidPage(page, new Paging(2, 30), Language.Swahili).Text;

        Assert.StartsWith("Unpaid invoices 11-20 of 30:", english);
        Assert.Contains("INV-0020", english);
        Assert.EndsWith("...and 10 more. Send more for the next 10 (or list 3).", english);
        Assert.StartsWith("Ankara ambazo hazijalipwa 11-20 kati ya 30:", swahili);
        Assert.EndsWith("(au orodha 3).", swahili);
    }

    [Fact]
    public void UnpaidPage_LastPage_HasNoMoreHint()
    {
        var page = new List<InvoiceSummary> { new("INV-0001", "Otieno", Money.FromShillings(100)) };

        var text = Replies.UnpaidPage(page, new Paging(3, 21), Language.English).Text;

        Assert.StartsWith("Unpaid invoices 21-21 of 21:", text);
        Assert.DoesNotContain("more", text);
    }

    [Fact]
    public void CheckYourPhoneForPart_SaysThePartAndTheLimit()
    {
        var english = Replies.CheckYourPhoneForPart("INV-0042", Money.FromShillings(250_000), Money.FromShillings(1_000_000), Language.English).Text;

        Assert.Contains("KES 250,000 now of KES 1,000,000 (M-PESA's per-payment limit); tap Pay again after this one for the next part", english);
    }

    [Theory]
    [InlineData(0.4, "You sent INV-0025 less than a minute ago. Send another? Yes / No")]
    [InlineData(1.2, "You sent INV-0025 1 minute ago. Send another? Yes / No")]
    [InlineData(2.9, "You sent INV-0025 2 minutes ago. Send another? Yes / No")]
    public void DuplicateInvoice_SaysHowLongAgoAndOffersYesNo(double minutes, string expected)
    {
        var reply = Replies.DuplicateInvoice("INV-0025", TimeSpan.FromMinutes(minutes), Language.English);

        Assert.Equal(expected, reply.Text);
        Assert.Equal([ChatAnswer.YesButton, ChatAnswer.NoButton], reply.Buttons.Select(b => b.Id));
    }
}
