using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class ItemsCommandParserTests
{
    public static TheoryData<string, string?, string?, ItemSpec[]> Invoices => new()
    {
        { "invoice 0712345678 2 cement @750, wheelbarrow 4500, delivery 300", "254712345678", null,
            [new PricedItem("cement", 2, 750), new PricedItem("wheelbarrow", 1, 4500), new PricedItem("delivery", 1, 300)] },
        { "invoice 0712345678 wheelbarrow 4500, delivery 300", "254712345678", null, [new PricedItem("wheelbarrow", 1, 4500), new PricedItem("delivery", 1, 300)] },
        { "invoice 0712345678 Jane 2 cement @750", "254712345678", "Jane", [new PricedItem("cement", 2, 750)] },
        { "invoice Jane Wanjiru 0712345678 cement @750, sand 300", "254712345678", "Jane Wanjiru", [new PricedItem("cement", 1, 750), new PricedItem("sand", 1, 300)] },
        { "invoice Jane 2 cement, delivery 300", null, "Jane", [new CountOrPriceItem("cement", 2), new PricedItem("delivery", 1, 300)] },
        { "invoice Jane Wanjiru: cement, sand 300", null, "Jane Wanjiru", [new CountedItem("cement", 1), new PricedItem("sand", 1, 300)] },
        { "invoice 0712345678 cement 2x750", "254712345678", null, [new PricedItem("cement", 2, 750)] },
        { "ankara 0712345678 saruji 2 @ 750, usafiri mia tatu", "254712345678", null, [new PricedItem("saruji", 2, 750), new PricedItem("usafiri", 1, 300)] },
        { "ankara Mama Njeri: 3x sukuma @50, unga 200", null, "Mama Njeri", [new PricedItem("sukuma", 3, 50), new PricedItem("unga", 1, 200)] },
    };

    [Theory]
    [MemberData(nameof(Invoices))]
    public void Parse_ItemsInvoice_ReadsCustomerAndItems(string text, string? msisdn, string? name, ItemSpec[] items)
    {
        var command = Assert.IsType<ItemsInvoiceCommand>(CommandParser.Parse(text));

        Assert.Equal(msisdn, command.Msisdn);
        Assert.Equal(name, command.CustomerName);
        Assert.Equal(items, command.Items);
    }

    [Theory]
    [InlineData("invoice 0712345678 1500 Website design", 1500, "Website design")]
    [InlineData("invoice 0712345678 1,500 Website design, hosting and domain", 1500, "Website design, hosting and domain")]
    [InlineData("invoice 0712345678 1500 Room 12 painting", 1500, "Room 12 painting")]
    [InlineData("invoice 0712345678 1500 Banner 2 x 3m", 1500, "Banner 2 x 3m")]
    [InlineData("invoice Wanjiku Kamau 1500 Hair braiding", 1500, "Hair braiding")]
    public void Parse_OneAmount_StaysTheOneLineCommand(string text, long shillings, string description)
    {
        // Read as items only if the merchant has saved an item of that name; otherwise this one amount.
        AssertOneAmount(text, shillings, description);
    }

    [Theory]
    [InlineData("invoice 0712345678 1,500 Timber 2 x 4", 1500, "Timber 2 x 4")] // a size, not two at 4
    [InlineData("invoice 0712345678 800 Item 2 x 2", 800, "Item 2 x 2")]
    public void Parse_OneAmountWhoseDescriptionLooksLikeAQuantity_IsSentAsOneAmountAtOnce(string text, long shillings, string description)
    {
        var command = Assert.IsType<CreateInvoiceCommand>(CommandParser.Parse(text));
        Assert.Equal((shillings, description), (command.AmountShillings, command.Description));
    }

    private static void AssertOneAmount(string text, long shillings, string description)
    {
        var parsed = CommandParser.Parse(text);
        var command = Assert.IsType<CreateInvoiceCommand>(parsed is ItemsInvoiceCommand { OneAmount: { } one } ? one : parsed);

        Assert.Equal(shillings, command.AmountShillings);
        Assert.Equal(description, command.Description);
    }

    [Theory]
    [InlineData("invoice 0712345678 2 cement @750, wheelbarrow 4500000", AmountError.TooLarge)]
    [InlineData("invoice 0712345678 cement @750.50, sand 300", AmountError.HasCents)]
    public void Parse_ClearlyItemsWithABadOne_IsRefusedNotReadAsOneAmount(string text, AmountError error)
    {
        var refused = Assert.IsType<CommandError>(CommandParser.Parse(text));

        Assert.Equal(CommandErrorKind.InvalidItem, refused.Kind);
        Assert.Equal(error, refused.AmountError);
    }

    [Fact]
    public void Parse_SwahiliKeyword_DetectsSwahili() =>
        Assert.Equal(Language.Swahili, CommandParser.Parse("ankara 0712345678 saruji 2 @ 750, usafiri 300").DetectedLanguage);
}
