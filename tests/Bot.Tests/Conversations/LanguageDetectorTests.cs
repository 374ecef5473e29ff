using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("habari", "sw")]
    [InlineData("mambo vipi", "sw")]
    [InlineData("asante sana", "sw")]
    [InlineData("ankara 0712345678 1500 Website design", "sw")]
    [InlineData("orodha", "sw")]
    [InlineData("nataka kutuma invoice ya 1500 kwa 0712345678 ya viatu", "sw")]
    [InlineData("nitumie ankara ya 0712345678 1500 viatu", "sw")]
    [InlineData("hi", "en")]
    [InlineData("thanks", "en")]
    [InlineData("invoice 0712345678 1500 Muundo wa tovuti", "en")]
    [InlineData("send invoice to 0712345678 for 1500 website design", "en")]
    [InlineData("list", "en")]
    public void Detect_WordsOfOneLanguage_ThatLanguage(string text, string code)
    {
        Assert.Equal(Language.FromCode(code), LanguageDetector.Detect(text));
    }

    /// <summary>What customers write: their words decide; PAY and numbers say nothing (the invoice's language then does).</summary>
    [Theory]
    [InlineData("lipa", "sw")]
    [InlineData("Asante sana", "sw")]
    [InlineData("habari, nataka kulipa ankara", "sw")]
    [InlineData("thanks", "en")]
    [InlineData("hello, how do I pay my invoice", "en")]
    [InlineData("PAY", null)]
    [InlineData("2", null)]
    [InlineData("", null)]
    public void Detect_WhatCustomersWrite_FromTheWordsOnly(string text, string? expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text)?.Code);
    }

    [Theory]
    [InlineData("0712345678")]
    [InlineData("1500")]
    [InlineData("Jane Wanjiku")]
    [InlineData("?")]
    [InlineData("")]
    [InlineData("draft:send")]
    public void Detect_NoTellingWords_Null(string text)
    {
        Assert.Null(LanguageDetector.Detect(text));
    }
}
