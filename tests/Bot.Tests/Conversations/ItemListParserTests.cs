using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class ItemListParserTests
{
    public static TheoryData<string, ItemSpec[]> Lists => new()
    {
        { "2 cement @750, wheelbarrow 4500, delivery 300", [new PricedItem("cement", 2, 750), new PricedItem("wheelbarrow", 1, 4500), new PricedItem("delivery", 1, 300)] },
        { "2 x cement @ 750", [new PricedItem("cement", 2, 750)] },
        { "2x cement @KES 1,500", [new PricedItem("cement", 2, 1500)] },
        { "x3 Paint @1.2k", [new PricedItem("Paint", 3, 1200)] },
        { "cement 2 x 750; sand 3x400", [new PricedItem("cement", 2, 750), new PricedItem("sand", 3, 400)] },
        { "cement x2 @750", [new PricedItem("cement", 2, 750)] },
        { "cement @750", [new PricedItem("cement", 1, 750)] },
        { "Delivery KES 300\nLabour 1,200 bob", [new PricedItem("Delivery", 1, 300), new PricedItem("Labour", 1, 1200)] },
        { "2 cement 750", [new PricedItem("cement", 2, 750)] },
        { "KES 4,500 wheelbarrow", [new PricedItem("wheelbarrow", 1, 4500)] },
        { "1500 Website design", [new CountOrPriceItem("Website design", 1500)] },
        { "2 cement, delivery 300", [new CountOrPriceItem("cement", 2), new PricedItem("delivery", 1, 300)] },
        { "2x cement, sand", [new CountedItem("cement", 2), new CountedItem("sand", 1)] },
        { "saruji 2 @ elfu moja, usafiri mia tatu", [new PricedItem("saruji", 2, 1000), new PricedItem("usafiri", 1, 300)] },
        { "2 mabati @ 850 bob, usafiri elfu mbili mia tano", [new PricedItem("mabati", 2, 850), new PricedItem("usafiri", 1, 2500)] },
        { "TV 12000, Xerox copies 50,", [new PricedItem("TV", 1, 12000), new PricedItem("Xerox copies", 1, 50)] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Parse_ItemsAsMerchantsWriteThem_ReadsEachItem(string text, ItemSpec[] expected)
    {
        var result = ItemListParser.Parse(text);

        Assert.True(result.IsSuccess, $"{result.BadItem}: {result.Problem} {result.AmountError}");
        Assert.Equal(expected, result.Items);
    }

    [Theory]
    [InlineData("cement @750.50", ItemProblem.Amount, AmountError.HasCents)]
    [InlineData("cement @2m", ItemProblem.Amount, AmountError.TooLarge)]
    [InlineData("cement @abc", ItemProblem.Amount, AmountError.NotANumber)]
    [InlineData("1000 x cement @750", ItemProblem.Quantity, null)]
    [InlineData("2 c @750", ItemProblem.Name, null)]
    [InlineData(", ,", ItemProblem.Empty, null)]
    public void Parse_ItemThatCannotBe_SaysWhy(string text, ItemProblem problem, AmountError? amountError)
    {
        var result = ItemListParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(amountError, result.AmountError);
    }
}
