using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class InvoiceDraftFlowEdgeTests
{
    private static readonly Language En = Language.English;

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "", "0712", Replies.InvalidPhone(En).Text },
        { "", "+255712345678", Replies.InvalidPhone(En).Text },
        { "0712345678", "J", Replies.NameLength(FieldError.TooShort, En).Text },
        { "0712345678", new string('n', 61), Replies.NameLength(FieldError.TooLong, En).Text },
        { "0712345678|Jo", "abc", Replies.ForAmountError(AmountError.NotANumber, 1_000_000, En).Text },
        { "0712345678|Jo", "0", Replies.ForAmountError(AmountError.ZeroOrNegative, 1_000_000, En).Text },
        { "0712345678|Jo", "1500.50", Replies.ForAmountError(AmountError.HasCents, 1_000_000, En).Text },
        { "0712345678|Jo", "1e3", Replies.ForAmountError(AmountError.Exponent, 1_000_000, En).Text },
        { "0712345678|Jo", "2,000,000", Replies.ForAmountError(AmountError.TooLarge, 1_000_000, En).Text },
        { "0712345678|Jo|100", "ab", Replies.DescriptionLength(FieldError.TooShort, En).Text },
        { "0712345678|Jo|100", new string('d', 121), Replies.DescriptionLength(FieldError.TooLong, En).Text },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Handle_BadInput_ReasksWithReasonAndStays(string turns, string input, string reason)
    {
        var chat = new FlowDriver(En);
        chat.Run(turns.Split('|', StringSplitOptions.RemoveEmptyEntries));
        var step = chat.Step;

        var reply = Assert.Single(chat.Say(input).Replies);

        Assert.StartsWith(reason + "\n", reply.Text);
        Assert.Equal(step, chat.Step);
    }

    [Fact]
    public void Handle_AfterThirtyMinutesIdle_DropsDraftAndPassesMessageOn()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo");
        chat.Now += TimeSpan.FromMinutes(30);
        Assert.True(chat.Say("back").InputHandled);

        chat.Now += TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);
        var result = chat.Say("list");

        Assert.False(result.InputHandled);
        Assert.Equal(Replies.DraftExpired(En).Text, Assert.Single(result.Replies).Text);
        Assert.Equal("Idle", chat.Step);
        Assert.Equal(new InvoiceDraft(), chat.Row.Draft);
    }

    [Fact]
    public void Start_AfterExpiry_SaysOldDraftDroppedAndStartsFresh()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo", "100");
        chat.Now += TimeSpan.FromHours(2);

        var result = chat.Start();

        Assert.Equal([Replies.DraftExpired(En).Text, Replies.AskPhone(En).Text], result.Replies.Select(r => r.Text));
        Assert.Equal(new InvoiceDraft(), chat.Row.Draft);
    }

    [Fact]
    public void Handle_Idle_NotHandled()
    {
        var result = new FlowDriver(En).Say("hello");

        Assert.False(result.InputHandled);
        Assert.Empty(result.Replies);
    }

    [Fact]
    public void Handle_StaleSendButtonBeforeConfirm_ExplainsAndReasks()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo");

        var result = chat.Say("draft:send");

        Assert.Null(result.CreateInvoice);
        Assert.Equal($"{Replies.NotExpectedHere(En).Text}\n{Replies.AskAmount(En).Text}", Assert.Single(result.Replies).Text);
        Assert.Equal("CollectAmount", chat.Step);
    }

    [Fact]
    public void Start_WhileDrafting_KeepsDraftAndReasks()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678");

        var reply = Assert.Single(chat.Start().Replies);

        Assert.EndsWith(Replies.AskName(En).Text, reply.Text);
        Assert.Equal("254712345678", chat.Row.Draft.Msisdn);
    }

    [Fact]
    public void Handle_OtherTextAtConfirm_OffersTheChoicesAgain()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo", "100", "Chai");

        var reply = Assert.Single(chat.Say("maybe later").Replies);

        Assert.Equal(Replies.ConfirmChoice(En).Text, reply.Text);
        Assert.Equal(3, reply.Buttons.Count);
        Assert.Equal("Confirm", chat.Step);
    }

    [Fact]
    public void Handle_YesTypedAsDescription_IsData()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo", "100");

        var result = chat.Say("yes");

        Assert.Null(result.CreateInvoice);
        Assert.Equal("Confirm", chat.Step);
        Assert.Equal("yes", chat.Row.Draft.Description);
    }

    [Fact]
    public void ToMermaid_Machine_NamesEveryStateAndTrigger()
    {
        var mermaid = new FlowDriver(En).Flow.ToMermaid();

        string[] names =
        [
            "Idle", "Drafting", "CollectPhone", "CollectName", "CollectAmount", "CollectDescription", "Confirm",
            "Start", "EnterPhone", "PickSavedCustomer", "EnterName", "SkipName", "EnterAmount", "EnterDescription",
            "Send", "Edit", "Back", "Cancel", "Expire",
        ];
        Assert.All(names, name => Assert.Contains(name, mermaid));
    }

    [Fact]
    public void ToMermaid_Machine_MatchesDiagramInGuidedFlowDoc()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Bot", "Conversations", "GuidedFlow.md"));

        Assert.Contains(new FlowDriver(En).Flow.ToMermaid().Trim().ReplaceLineEndings("\n"), doc.ReplaceLineEndings("\n"));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
