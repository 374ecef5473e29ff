using System.Text.Json;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Onboarding;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Tests.Onboarding;

public sealed class RegistrationFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Answers_NameThenPayment_ConfirmHandsBackTheRegistration()
    {
        var row = new RegistrationState();
        var flow = new RegistrationFlow(row, collectionEnabled: true);

        var asked = flow.Start(Language.English, Now);
        flow.Handle("  Mama Mboga Greens ", Now);
        var summary = flow.Handle("skip", Now);
        var done = flow.Handle(RegistrationFlow.ConfirmButton, Now);

        Assert.Contains("business name", Assert.Single(asked.Replies).Text);
        Assert.Contains("Customers pay: through InvoiceFirst", Assert.Single(summary.Replies).Text);
        Assert.Equal([RegistrationFlow.ConfirmButton, RegistrationFlow.EditButton, RegistrationFlow.CancelButton],
            summary.Replies[0].Buttons.Select(b => b.Id));
        Assert.Same(row, done.Confirmed);
        Assert.Equal(("Mama Mboga Greens", PayRoutes.Collection, "Idle"), (row.BusinessName, row.Pay!.Route, row.Step));
    }

    [Fact]
    public void Edit_Language_SummaryComesBackInTheNewLanguage()
    {
        var row = new RegistrationState();
        var flow = new RegistrationFlow(row, collectionEnabled: false);
        flow.Start(Language.English, Now);
        flow.Handle("Acme", Now);
        flow.Handle("till 123456", Now);

        flow.Handle("edit", Now);
        var asked = flow.Handle("3", Now);
        var summary = flow.Handle("2", Now);

        Assert.Contains("1 for English or 2 for Kiswahili", asked.Replies[0].Text);
        Assert.Contains("Lugha: Kiswahili", summary.Replies[0].Text);
        Assert.Equal("sw", row.LanguageCode);
        Assert.Null(summary.Confirmed);
    }

    [Fact]
    public void StateSurvivesTheRow_ARestartResumesAtTheSameStep()
    {
        var conversation = new Conversation { Participant = "254711222333" };
        var first = new RegistrationState();
        new RegistrationFlow(first, false).Start(Language.Swahili, Now);
        new RegistrationFlow(first, false).Handle("Duka la Pili", Now);
        RegistrationStore.Write(conversation, first);

        var resumed = RegistrationStore.Read(conversation);
        var summary = new RegistrationFlow(resumed, false).Handle("paybill 522522", Now.AddMinutes(5));

        Assert.Equal(RegistrationStore.RowState, conversation.State);
        Assert.Equal(Now + RegistrationFlow.IdleTimeout, conversation.ExpiresAt);
        Assert.Contains("Biashara: Duka la Pili", summary.Replies[0].Text);
    }

    [Fact]
    public void AnInvoiceDraftRow_IsNotReadAsARegistration()
    {
        var conversation = new Conversation { Participant = "254711222333", State = "CollectAmount", Draft = JsonSerializer.Serialize(new { state = "CollectAmount" }) };

        Assert.False(new RegistrationFlow(RegistrationStore.Read(conversation), false).IsOpenAt(Now));
    }

    [Fact]
    public void LeftIdlePastTheTimeout_IsNoLongerOpen()
    {
        var row = new RegistrationState();
        var flow = new RegistrationFlow(row, false);
        flow.Start(Language.English, Now);

        Assert.True(flow.IsOpenAt(Now + RegistrationFlow.IdleTimeout));
        Assert.False(flow.IsOpenAt(Now + RegistrationFlow.IdleTimeout + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("12345")]
    [InlineData("A")]
    public void BusinessName_WithoutLettersOrTooShort_AskedAgain(string name)
    {
        var row = new RegistrationState();
        var flow = new RegistrationFlow(row, false);
        flow.Start(Language.English, Now);

        var again = flow.Handle(name, Now);

        Assert.Contains("2-60 characters", again.Replies[0].Text);
        Assert.Null(row.BusinessName);
    }

    [Fact]
    public void AllTexts_AreGsm7_SoTheyFitAnSms()
    {
        var row = new RegistrationState { BusinessName = "Acme", Pay = new PayChoice(PayRoutes.Paybill, "522522", "0011") };
        var merchant = new Merchant { Phone = "254711222333", Name = "Acme", Code = "MM7" };
        foreach (var lang in new[] { Language.English, Language.Swahili })
        {
            Reply[] texts =
            [
                RegistrationReplies.AskBusinessName(lang), RegistrationReplies.AskPayRoute(true, lang), RegistrationReplies.ConfirmRegistration(row, lang),
                RegistrationReplies.Welcome(merchant, true, lang), RegistrationReplies.RegistrationPending(merchant, lang),
                RegistrationReplies.RegistrationDeclined(merchant, "0700 123 456", lang), RegistrationReplies.AskWhatToEditInRegistration(lang),
                .. Enum.GetValues<PayChoiceError>().Select(e => RegistrationReplies.PayRouteProblem(e, lang)),
            ];
            Assert.All(texts, r => Assert.True(Gsm7.IsEncodable(r.Text), r.Text));
        }
        Assert.True(Gsm7.IsEncodable(RegistrationReplies.Welcome(InvoiceFirst.Bot.Hosting.RegistrationMode.Open, "x").Text));
    }
}
