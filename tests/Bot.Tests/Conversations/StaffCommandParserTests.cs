using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class StaffCommandParserTests
{
    public static TheoryData<string, ParsedCommand> Commands => new()
    {
        { "staff", new StaffListCommand() },
        { " STAFF ", new StaffListCommand() },
        { "wafanyakazi", new StaffListCommand { DetectedLanguage = Language.Swahili } },
        { "staff add 0712345678 Jane", new StaffAddCommand("254712345678", "Jane") },
        { "staff add Jane Wanjiru 0712 345 678", new StaffAddCommand("254712345678", "Jane Wanjiru") },
        { "Staff Add +254712345678 Jane", new StaffAddCommand("254712345678", "Jane") },
        { "staff add 254110123456 Otieno", new StaffAddCommand("254110123456", "Otieno") },
        { "wafanyakazi ongeza 0712345678 Jane", new StaffAddCommand("254712345678", "Jane") { DetectedLanguage = Language.Swahili } },
        { "mfanyakazi ongeza 0712345678 Jane", new StaffAddCommand("254712345678", "Jane") { DetectedLanguage = Language.Swahili } },
        // Either language's words, whatever the merchant speaks.
        { "staff ongeza 0712345678 Jane", new StaffAddCommand("254712345678", "Jane") },
        { "wafanyakazi add 0712345678 Jane", new StaffAddCommand("254712345678", "Jane") { DetectedLanguage = Language.Swahili } },
        { "staff remove 0712345678", new StaffRemoveCommand("254712345678") },
        { "staff remove 0712 345 678", new StaffRemoveCommand("254712345678") },
        { "staff remove +254712345678 Jane", new StaffRemoveCommand("254712345678") },
        { "wafanyakazi ondoa 0712345678", new StaffRemoveCommand("254712345678") { DetectedLanguage = Language.Swahili } },
        { "staff ondoa 254712345678", new StaffRemoveCommand("254712345678") },
    };

    public static TheoryData<string, StaffProblem> BadForms => new()
    {
        { "staff hire 0712345678 Jane", StaffProblem.UnknownAction },
        { "staff 0712345678 Jane", StaffProblem.UnknownAction },
        { "staff add", StaffProblem.AddMissing },
        { "staff add Jane", StaffProblem.AddMissing },
        { "staff add 0712345678", StaffProblem.AddMissing },
        { "staff add 07123 Jane", StaffProblem.InvalidPhone },
        { "staff add 0201234567 Jane", StaffProblem.InvalidPhone },
        { "staff add 0712345678 J", StaffProblem.InvalidName },
        { "wafanyakazi ongeza 0712345678 7", StaffProblem.InvalidName },
        { "staff remove", StaffProblem.RemoveMissing },
        { "staff remove Jane", StaffProblem.RemoveMissing },
        { "wafanyakazi ondoa 07123", StaffProblem.InvalidPhone },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_StaffCommand_ReadsPhoneNameAndLanguage(string text, ParsedCommand expected) =>
        Assert.Equal(expected, CommandParser.Parse(text));

    [Theory]
    [MemberData(nameof(BadForms))]
    public void Parse_BadStaffCommand_SaysWhatIsWrong(string text, StaffProblem problem) =>
        Assert.Equal(problem, Assert.IsType<StaffRefused>(CommandParser.Parse(text)).Problem);

    [Theory]
    [InlineData("staff remove 07123", "en", "staff add 0712345678 Jane")]
    [InlineData("wafanyakazi ondoa 07123", "sw", "wafanyakazi ongeza 0712345678 Jane")]
    public void StaffUsage_BadPhone_ShowsWhatToTypeInTheLanguage(string text, string lang, string example)
    {
        var refused = Assert.IsType<StaffRefused>(CommandParser.Parse(text));

        Assert.Contains(example, Replies.StaffUsage(refused.Problem, Language.FromCode(lang)).Text);
    }

    [Fact]
    public void StaffOrHelp_NotATypoOfAnotherKeyword()
    {
        Assert.IsType<DidYouMeanCommand>(CommandParser.Parse("stafff"));
        Assert.IsType<StatsCommand>(CommandParser.Parse("stats"));
    }
}
