using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>Amount suffixes, k/m and Kiswahili number words.</summary>
public sealed class AmountWordsTests
{
    [Theory]
    [InlineData("1500ksh", 1500)]
    [InlineData("2500KSH", 2500)]
    [InlineData("1500 kes", 1500)]
    [InlineData("1,500sh", 1500)]
    [InlineData("500bob", 500)]
    [InlineData("500 bob", 500)]
    [InlineData("500 shillings", 500)]
    [InlineData("1500 /-", 1500)]
    [InlineData("1500/=", 1500)]
    [InlineData("2k", 2000)]
    [InlineData("2.5k bob", 2500)]
    [InlineData("0.5m", 500_000)]
    [InlineData("1M", 1_000_000)]
    [InlineData("elfu mbili", 2000)]
    [InlineData("Elfu 2", 2000)]
    [InlineData("mia tano", 500)]
    [InlineData("mia 5", 500)]
    [InlineData("elfu moja mia tano", 1500)]
    [InlineData("elfu mbili na mia tano", 2500)]
    [InlineData("elfu kumi na tano", 15_000)]
    [InlineData("elfu ishirini", 20_000)]
    [InlineData("elfu ishirini na tano", 25_000)]
    [InlineData("elfu mbili na tano", 2005)]
    [InlineData("elfu mia tano", 500_000)]
    [InlineData("laki moja", 100_000)]
    [InlineData("laki mbili na elfu hamsini", 250_000)]
    [InlineData("milioni moja", 1_000_000)]
    [InlineData("shilingi elfu tatu", 3000)]
    [InlineData("elfu tatu bob", 3000)]
    [InlineData("mia moja ishirini na tano", 125)]
    public void Parse_SuffixOrSwahiliWords_ReturnsWhatTheTextSpells(string input, long expected)
    {
        Assert.Equal(AmountParseResult.Ok(expected), AmountParser.Parse(input));
    }

    [Theory]
    [InlineData("1.2m", AmountError.TooLarge)]
    [InlineData("laki kumi na moja", AmountError.TooLarge)]
    [InlineData("milioni mbili", AmountError.TooLarge)]
    [InlineData("1.0000005m", AmountError.HasCents)]
    [InlineData("0bob", AmountError.ZeroOrNegative)]
    [InlineData("elfu", AmountError.NotANumber)]
    [InlineData("mia", AmountError.NotANumber)]
    [InlineData("tano", AmountError.NotANumber)]
    [InlineData("elfu mbili tano saba", AmountError.NotANumber)]
    [InlineData("mia 1500", AmountError.NotANumber)]
    [InlineData("bob", AmountError.NotANumber)]
    [InlineData("500 bob bob", AmountError.NotANumber)]
    public void Parse_BadWordsOrTooMuch_RefusedWithReason(string input, AmountError expected)
    {
        Assert.Equal(expected, AmountParser.Parse(input).Error);
    }

    [Fact]
    public void Parse_HigherMaximum_AcceptsMillions()
    {
        Assert.Equal(AmountParseResult.Ok(1_200_000), AmountParser.Parse("1.2m", 2_000_000));
        Assert.Equal(AmountParseResult.Ok(1_500_000), AmountParser.Parse("milioni moja na laki tano", 2_000_000));
    }

    [Theory]
    [InlineData(new[] { "elfu", "mbili", "viatu" }, 0, 2000, 2)]
    [InlineData(new[] { "KES", "1,500", "Logo" }, 0, 1500, 2)]
    [InlineData(new[] { "500", "bob", "airtime" }, 0, 500, 2)]
    [InlineData(new[] { "Jane", "1500", "Logo" }, 1, 1500, 1)]
    [InlineData(new[] { "mia", "tano", "na", "viatu" }, 0, 500, 2)]
    public void ReadAt_AmountThenWords_SaysHowManyTokensItTook(string[] tokens, int start, long expected, int consumed)
    {
        var result = AmountParser.ReadAt(tokens, start, AmountParser.DefaultMaxShillings, out var taken);

        Assert.Equal((AmountParseResult.Ok(expected), consumed), (result, taken));
    }

    [Theory]
    [InlineData("Jane")]
    [InlineData("Mia")]
    [InlineData("tano")]
    [InlineData("KES")]
    public void ReadAt_NotAnAmount_TakesNothing(string token)
    {
        AmountParser.ReadAt([token, "Logo"], 0, AmountParser.DefaultMaxShillings, out var taken);

        Assert.Equal(0, taken);
    }
}
