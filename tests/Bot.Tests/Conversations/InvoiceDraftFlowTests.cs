using System.Text.Json;
using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class InvoiceDraftFlowTests
{
    private static readonly Language En = Language.English;

    [Fact]
    public void Handle_HappyPath_AsksEachStepThenCreatesDraftAndResets()
    {
        var chat = new FlowDriver(En);

        Assert.Equal(Replies.AskPhone(En).Text, Assert.Single(chat.Start().Replies).Text);
        Assert.Equal(Replies.AskName(En).Text, Assert.Single(chat.Say("0712 345 678").Replies).Text);
        Assert.Equal(Replies.AskAmount(En).Text, Assert.Single(chat.Say("Wanjiku").Replies).Text);
        Assert.Equal(Replies.AskDescription(En).Text, Assert.Single(chat.Say("KES 1,500").Replies).Text);
        var confirm = Assert.Single(chat.Say("Website design 🎨").Replies);
        Assert.Contains("Wanjiku (0712345678)", confirm.Text);
        Assert.Equal(["draft:send", "draft:edit", "draft:cancel"], confirm.Buttons.Select(b => b.Id));

        var sent = chat.Say("yes");

        Assert.Empty(sent.Replies);
        Assert.Equal(
            new InvoiceDraft { Msisdn = "254712345678", CustomerName = "Wanjiku", AmountShillings = 1500, Description = "Website design 🎨" },
            sent.CreateInvoice);
        Assert.Equal("Idle", chat.Step);
        Assert.Equal(new InvoiceDraft(), chat.Row.Draft);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("YES")]
    [InlineData("ndio")]
    [InlineData("ndiyo")]
    [InlineData("draft:send")]
    public void Handle_ConfirmWithYesNdioOrButton_CreatesInvoice(string answer)
    {
        var chat = new FlowDriver(Language.Swahili);

        var result = chat.Run("0712345678", "ruka", "1500", "Sukuma wiki", answer);

        Assert.Equal(1500, result.CreateInvoice?.AmountShillings);
        Assert.Null(result.CreateInvoice?.CustomerName);
        Assert.Equal("Idle", chat.Step);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("ruka")]
    public void Handle_SkipAtName_GoesToAmountWithoutName(string word)
    {
        var chat = new FlowDriver(En);

        var result = chat.Run("0712345678", word);

        Assert.Equal("CollectAmount", chat.Step);
        Assert.Equal(Replies.AskAmount(En).Text, Assert.Single(result.Replies).Text);
        Assert.Null(chat.Row.Draft.CustomerName);
    }

    [Theory]
    [InlineData("CollectPhone")]
    [InlineData("CollectAmount")]
    [InlineData("CollectDescription")]
    public void Handle_SkipOutsideName_RefusesAndReasks(string step)
    {
        var chat = new FlowDriver(En);
        var inputs = step switch
        {
            "CollectPhone" => Array.Empty<string>(),
            "CollectAmount" => ["0712345678", "Jo"],
            _ => ["0712345678", "Jo", "100"],
        };
        chat.Run(inputs);

        var reply = Assert.Single(chat.Say("skip").Replies);

        Assert.StartsWith(Replies.CannotSkip(En).Text, reply.Text);
        Assert.Equal(step, chat.Step);
    }

    [Theory]
    [InlineData(new string[0], "CollectPhone")]
    [InlineData(new[] { "0712345678" }, "CollectPhone")]
    [InlineData(new[] { "0712345678", "Jo" }, "CollectName")]
    [InlineData(new[] { "0712345678", "skip", "100" }, "CollectAmount")]
    [InlineData(new[] { "0712345678", "Jo", "100", "Chai" }, "CollectDescription")]
    public void Handle_Back_ReturnsOneStep(string[] inputs, string expectedStep)
    {
        var chat = new FlowDriver(En);
        chat.Run(inputs);

        chat.Say("rudi");

        Assert.Equal(expectedStep, chat.Step);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0712345678")]
    [InlineData("0712345678|Jo")]
    [InlineData("0712345678|Jo|100")]
    [InlineData("0712345678|Jo|100|Chai")]
    public void Handle_CancelFromAnyStep_DropsDraft(string turns)
    {
        var inputs = turns.Split('|', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in new[] { "cancel", "ghairi", "draft:cancel" })
        {
            var chat = new FlowDriver(En);
            chat.Run(inputs);

            var result = chat.Say(word);

            Assert.Equal(Replies.DraftCancelled(En).Text, Assert.Single(result.Replies).Text);
            Assert.Null(result.CreateInvoice);
            Assert.Equal("Idle", chat.Step);
            Assert.Equal(new InvoiceDraft(), chat.Row.Draft);
        }
    }

    [Theory]
    [InlineData("edit", "amount")]
    [InlineData("badili", "kiasi")]
    [InlineData("draft:edit", "draft:edit:amount")]
    [InlineData("edit", "2")]
    public void Handle_EditAtConfirmThenAmount_AsksWhatToChangeThenBackToSummaryKeepingTheRest(string word, string field)
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo", "100", "Chai");

        var asked = chat.Say(word);
        var amount = chat.Say(field);
        var confirm = chat.Say("250");

        Assert.Equal(Replies.AskWhatToEdit(En).Text, Assert.Single(asked.Replies).Text);
        Assert.Equal(["draft:edit:customer", "draft:edit:amount", "draft:edit:description"], asked.Replies[0].Buttons.Select(b => b.Id));
        Assert.Equal(Replies.AskAmount(En).Text, Assert.Single(amount.Replies).Text);
        var summary = Assert.Single(confirm.Replies).Text;
        Assert.Contains("KES 250", summary);
        Assert.Contains("Jo (0712345678)", summary);
        Assert.Contains("For: Chai", summary);
        Assert.Equal("Confirm", chat.Step);
    }

    [Fact]
    public void Handle_SavedCustomerName_SkipsNameStepAndBackReturnsToPhone()
    {
        var chat = new FlowDriver(En);
        chat.AddressBook["Mama Njeri"] = new SavedCustomer("254722000111", "Mama Njeri");
        chat.Start();

        var picked = chat.Say("mama njeri");

        Assert.Equal(Replies.AskAmount(En).Text, Assert.Single(picked.Replies).Text);
        Assert.True(chat.Row.Draft.IsSavedCustomer);
        Assert.Equal("254722000111", chat.Row.Draft.Msisdn);
        chat.Say("back");
        Assert.Equal("CollectPhone", chat.Step);
    }

    [Fact]
    public void Handle_UnknownSavedName_ReasksNamingIt()
    {
        var chat = new FlowDriver(En);
        chat.Start();

        var reply = Assert.Single(chat.Say("Otieno").Replies);

        Assert.StartsWith(Replies.CustomerNotFound("Otieno", En).Text, reply.Text);
        Assert.EndsWith(Replies.AskPhone(En).Text, reply.Text);
        Assert.Equal("CollectPhone", chat.Step);
    }

    [Fact]
    public void NeedsCustomerLookup_PhoneOrOtherStep_False()
    {
        var chat = new FlowDriver(En);
        chat.Start();

        Assert.True(chat.Flow.NeedsCustomerLookup("Mama Njeri"));
        Assert.False(chat.Flow.NeedsCustomerLookup("0712345678"));
        Assert.False(chat.Flow.NeedsCustomerLookup("12345"));
        Assert.False(chat.Flow.NeedsCustomerLookup("back"));
        chat.Say("0712345678");
        Assert.False(chat.Flow.NeedsCustomerLookup("Mama Njeri"));
    }

    [Fact]
    public void Handle_StateSerializedAndRestored_ResumesTheFlow()
    {
        var chat = new FlowDriver(En);
        chat.Run("0712345678", "Jo", "1.5k");

        var json = JsonSerializer.Serialize(chat.Row);
        chat.Row = JsonSerializer.Deserialize<ConversationState>(json)!;
        var result = chat.Say("Logo design");
        var sent = chat.Say("draft:send");

        Assert.Contains("KES 1,500", Assert.Single(result.Replies).Text);
        Assert.Equal(new InvoiceDraft { Msisdn = "254712345678", CustomerName = "Jo", AmountShillings = 1500, Description = "Logo design" }, sent.CreateInvoice);
    }
}
