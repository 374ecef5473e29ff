using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>Edit at the summary asks what to change and comes back to the summary; proposals open at the summary.</summary>
public sealed class InvoiceDraftFlowEditTests
{
    private static readonly Language En = Language.English;
    private static readonly Language Sw = Language.Swahili;

    private static readonly InvoiceDraft Proposed = new()
    {
        Msisdn = "254712345678", AmountShillings = 1500, Description = "website design",
    };

    [Fact]
    public void Handle_EditDescription_ChangesOnlyTheDescription()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "skip", "100", "Chai");

        chat.Say("edit");
        var asked = chat.Say("description");
        var confirm = chat.Say("Chai na mandazi");
        var sent = chat.Say("yes");

        Assert.Equal(Replies.AskDescription(En).Text, Assert.Single(asked.Replies).Text);
        Assert.Contains("For: Chai na mandazi", Assert.Single(confirm.Replies).Text);
        Assert.Equal(new InvoiceDraft { Msisdn = "254712345678", AmountShillings = 100, Description = "Chai na mandazi" }, sent.CreateInvoice);
    }

    [Fact]
    public void Handle_EditCustomerInSwahili_NewPhoneAndNameThenSummary()
    {
        var chat = new FlowDriver(Sw);
        chat.Run("0712345678", "Jo", "100", "Chai");

        chat.Say("badili");
        chat.Say("mteja");
        chat.Say("0722000111");
        var confirm = chat.Say("Amina");

        var summary = Assert.Single(confirm.Replies).Text;
        Assert.StartsWith("Tuma ankara hii?", summary);
        Assert.Contains("Amina (0722000111)", summary);
        Assert.Contains("KES 100", summary);
        Assert.Equal("Confirm", chat.Step);
    }

    [Fact]
    public void Handle_AnswerThatIsNoFieldAtEdit_AsksAgainAndBackShowsSummary()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo", "100", "Chai");
        chat.Say("edit");

        var again = chat.Say("the price is wrong");
        var back = chat.Say("back");

        Assert.Equal(Replies.AskWhatToEdit(En).Text, Assert.Single(again.Replies).Text);
        Assert.Contains("Jo (0712345678)", Assert.Single(back.Replies).Text);
        Assert.Equal("Confirm", chat.Step);
    }

    [Fact]
    public void Propose_Sentence_ShowsTheSummaryWithSendEditCancelAndSendsOnlyOnSend()
    {
        var chat = new FlowDriver(En);

        var proposed = chat.Flow.Propose(Proposed, ProposalReason.Sentence, chat.Now);
        var sent = chat.Say("draft:send");

        var reply = Assert.Single(proposed.Replies);
        Assert.StartsWith("Here is the invoice I read from your message.\nSend this invoice?", reply.Text);
        Assert.Contains("To: 0712345678", reply.Text);
        Assert.Contains("Amount: KES 1,500", reply.Text);
        Assert.Null(proposed.CreateInvoice);
        Assert.Equal(["draft:send", "draft:edit", "draft:cancel"], reply.Buttons.Select(b => b.Id));
        Assert.Equal(Proposed, sent.CreateInvoice);
    }

    [Theory]
    [InlineData("en", "Did you mean: invoice 0712345678 KES 1,500 'website design'? Send / Cancel")]
    [InlineData("sw", "Ulimaanisha: ankara 0712345678 KES 1,500 'website design'? Tuma / Ghairi")]
    public void Propose_Typo_AsksDidYouMeanWithSendAndCancel(string code, string expected)
    {
        var chat = new FlowDriver(Language.FromCode(code));

        var proposed = chat.Flow.Propose(Proposed, ProposalReason.Typo, chat.Now);
        var cancelled = chat.Say("draft:cancel");

        var reply = Assert.Single(proposed.Replies);
        Assert.StartsWith(expected, reply.Text);
        Assert.Equal(["draft:send", "draft:cancel"], reply.Buttons.Select(b => b.Id));
        Assert.Null(cancelled.CreateInvoice);
        Assert.Equal("Idle", chat.Step);
    }

    [Fact]
    public void Propose_ThenEditAmount_BackToTheOrdinarySummary()
    {
        var chat = new FlowDriver(En);
        chat.Flow.Propose(Proposed, ProposalReason.Sentence, chat.Now);

        chat.Say("edit");
        chat.Say("amount");
        var confirm = chat.Say("2k");

        Assert.StartsWith("Send this invoice?", Assert.Single(confirm.Replies).Text);
        Assert.Contains("KES 2,000", confirm.Replies[0].Text);
    }

    [Fact]
    public void Prompt_AtEachStep_IsThatStepsQuestionInTheFlowsLanguage()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678");

        Assert.Equal(Replies.AskName(Sw).Text, new InvoiceDraftFlow(chat.Row, Sw).Prompt().Text);
        chat.Say("Jo");
        chat.Say("100");
        chat.Say("Chai");
        Assert.Equal(Replies.ConfirmDraft(chat.Row.Draft, Sw).Text, new InvoiceDraftFlow(chat.Row, Sw).Prompt().Text);
    }

    [Fact]
    public void IsOpenAt_DraftLeftPastTheIdleTimeout_NotOpenSoLangIsHandledAsACommand()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678");

        Assert.True(chat.Flow.IsOpenAt(chat.Now + InvoiceDraftFlow.IdleTimeout));
        Assert.False(chat.Flow.IsOpenAt(chat.Now + InvoiceDraftFlow.IdleTimeout + TimeSpan.FromSeconds(1)));
    }
}
