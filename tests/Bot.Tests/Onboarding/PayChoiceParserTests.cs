using InvoiceFirst.Bot.Onboarding;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Tests.Onboarding;

public sealed class PayChoiceParserTests
{
    [Theory]
    [InlineData("till 123456", PayRoutes.Till, "123456", null)]
    [InlineData("Till number 55555", PayRoutes.Till, "55555", null)]
    [InlineData("TILL: 1234567", PayRoutes.Till, "1234567", null)]
    [InlineData("buy goods 123456", PayRoutes.Till, "123456", null)]
    [InlineData("buygoods 123456.", PayRoutes.Till, "123456", null)]
    [InlineData("paybill 522522", PayRoutes.Paybill, "522522", null)]
    [InlineData("pay bill 522522 account 0011", PayRoutes.Paybill, "522522", "0011")]
    [InlineData("paybill 522522 acc no. 12345678", PayRoutes.Paybill, "522522", "12345678")]
    [InlineData("paybill 247247 akaunti MM-7", PayRoutes.Paybill, "247247", "MM-7")]
    [InlineData("Paybill  247247   0011 223", PayRoutes.Paybill, "247247", "0011223")]
    public void Parse_TheWaysMerchantsWriteIt(string input, string route, string number, string? account)
    {
        var (choice, error) = PayChoiceParser.Parse(input, collectionEnabled: false);

        Assert.Null(error);
        Assert.Equal(new PayChoice(route, number, account), choice);
    }

    [Theory]
    [InlineData("till 1234", PayChoiceError.BadNumber)]
    [InlineData("till 12345678", PayChoiceError.BadNumber)]
    [InlineData("paybill abc", PayChoiceError.BadNumber)]
    [InlineData("till 123456 account 9", PayChoiceError.TillHasNoAccount)]
    [InlineData("paybill 522522 account this-is-far-too-long-for-one", PayChoiceError.BadAccount)]
    [InlineData("paybill 522522 account 00#11", PayChoiceError.BadAccount)]
    [InlineData("mpesa", PayChoiceError.NotUnderstood)]
    [InlineData("123456", PayChoiceError.NotUnderstood)]
    [InlineData("", PayChoiceError.NotUnderstood)]
    [InlineData("skip", PayChoiceError.CollectionUnavailable)]
    public void Parse_Refusals_SayWhy(string input, PayChoiceError expected)
    {
        var (choice, error) = PayChoiceParser.Parse(input, collectionEnabled: false);

        Assert.Null(choice);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("Ruka")]
    public void Skip_WhenTheOperatorCollects_IsTheCollectionRoute(string input) =>
        Assert.Equal(new PayChoice(PayRoutes.Collection), PayChoiceParser.Parse(input, collectionEnabled: true).Choice);
}
