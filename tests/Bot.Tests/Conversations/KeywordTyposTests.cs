using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class KeywordTyposTests
{
    [Theory]
    [InlineData("invioce", "invoice")]
    [InlineData("invoce", "invoice")]
    [InlineData("INVOCE", "invoice")]
    [InlineData("invoicee", "invoice")]
    [InlineData("invpice", "invoice")]
    [InlineData("ankra", "ankara")]
    [InlineData("remnd", "remind")]
    [InlineData("cancle", "cancel")]
    [InlineData("kumbsha", "kumbusha")]
    [InlineData("orodah", "orodha")]
    public void TryCorrect_OneTypoInALongKeyword_ThatKeyword(string typed, string keyword)
    {
        Assert.True(KeywordTypos.TryCorrect(typed, out var corrected));
        Assert.Equal(keyword, corrected);
    }

    [Theory]
    [InlineData("invoice")] // exact: not a typo
    [InlineData("lst")] // "list" is shorter than 5 letters
    [InlineData("nwe")]
    [InlineData("hello")]
    [InlineData("thanks")]
    [InlineData("invxxce")] // two typos
    [InlineData("statu")] // one typo from both "status" and "stats": which is a guess
    public void TryCorrect_NotOneTypoFromOneKeyword_False(string typed)
    {
        Assert.False(KeywordTypos.TryCorrect(typed, out _));
    }
}
