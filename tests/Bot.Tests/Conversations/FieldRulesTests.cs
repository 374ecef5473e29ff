using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class FieldRulesTests
{
    [Theory]
    [InlineData("Web", "Web")]
    [InlineData("  Website design  ", "Website design")]
    [InlineData("Ukarabati wa \"nyumba\" 🏠", "Ukarabati wa \"nyumba\" 🏠")]
    [InlineData("👍🏽👨‍👩‍👧🎉", "👍🏽👨‍👩‍👧🎉")]
    [InlineData("Two  spaces", "Two  spaces")]
    public void CheckDescription_Valid_KeepsTextAsTyped(string input, string stored)
    {
        var check = FieldRules.CheckDescription(input);

        Assert.True(check.IsValid);
        Assert.Equal(stored, check.Value);
    }

    [Theory]
    [InlineData("", FieldError.TooShort)]
    [InlineData("ab", FieldError.TooShort)]
    [InlineData("   ab   ", FieldError.TooShort)]
    [InlineData("👍🏽👍🏽", FieldError.TooShort)]
    public void CheckDescription_Short_ReturnsTooShort(string input, FieldError expected)
    {
        Assert.Equal(expected, FieldRules.CheckDescription(input).Error);
    }

    [Fact]
    public void CheckDescription_LengthCountsGraphemes_120EmojiAcceptedAnd121Refused()
    {
        Assert.True(FieldRules.CheckDescription(string.Concat(Enumerable.Repeat("👍🏽", 120))).IsValid);
        Assert.Equal(FieldError.TooLong, FieldRules.CheckDescription(new string('a', 121)).Error);
    }

    [Theory]
    [InlineData("Jo", true)]
    [InlineData("Wanjiku Kamau", true)]
    [InlineData("J", false)]
    [InlineData("  ", false)]
    public void CheckCustomerName_Length_ValidBetween2And60(string input, bool valid)
    {
        Assert.Equal(valid, FieldRules.CheckCustomerName(input).IsValid);
    }

    [Fact]
    public void CheckCustomerName_61Characters_TooLong()
    {
        Assert.True(FieldRules.CheckCustomerName(new string('x', 60)).IsValid);
        Assert.Equal(FieldError.TooLong, FieldRules.CheckCustomerName(new string('x', 61)).Error);
    }
}
