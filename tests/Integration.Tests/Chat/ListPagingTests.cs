using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>list and customers count everything, show 10, and more / list 2 page on.</summary>
public sealed class ListPagingTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private MerchantChatDriver _merchant = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _merchant = new MerchantChatDriver(_factory);
        // 23 unpaid invoices to 23 customers, INV-0001 oldest.
        for (var i = 1; i <= 23; i++)
            await _merchant.CreateByApiAsync($"07120000{i:D2}", 100 * i, $"Order {i}", name: $"Customer {i:D2}");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task List_TwentyThreeUnpaid_CountsThemAndMorePagesOnToTheEnd()
    {
        var first = await _merchant.SayAsync("list");
        var second = await _merchant.SayAsync("more");
        var third = await _merchant.SayAsync("more");
        var beyond = await _merchant.SayAsync("more");

        Assert.StartsWith("Unpaid invoices 1-10 of 23:", first);
        Assert.Contains("INV-0023", first);
        Assert.DoesNotContain("INV-0013", first);
        Assert.Contains("...and 13 more. Send more for the next 10 (or list 2).", first);
        Assert.StartsWith("Unpaid invoices 11-20 of 23:", second);
        Assert.Contains("INV-0013", second);
        Assert.DoesNotContain("INV-0023", second);
        Assert.StartsWith("Unpaid invoices 21-23 of 23:", third);
        Assert.Contains("INV-0001", third);
        Assert.DoesNotContain("more", third);
        Assert.Contains("There is no page 4", beyond);
    }

    [Fact]
    public async Task List_PageNumberInSwahili_ShowsThatPage()
    {
        await _merchant.SayAsync("lugha sw");

        var page = await _merchant.SayAsync("orodha 3");

        Assert.StartsWith("Ankara ambazo hazijalipwa 21-23 kati ya 23:", page);
        Assert.Contains("INV-0003", page);
    }

    [Fact]
    public async Task Customers_TwentyThreeSaved_ListsTenByNameAndMoreGoesOn()
    {
        var first = await _merchant.SayAsync("customers");
        var second = await _merchant.SayAsync("zaidi");

        Assert.StartsWith("Your customers 1-10 of 23:\nCustomer 01 0712000001", first);
        Assert.Contains("Customer 10 0712000010", first);
        Assert.DoesNotContain("Customer 11", first);
        // zaidi is Kiswahili: a merchant who chose no language is answered in the language of the words they use.
        Assert.StartsWith("Wateja wako 11-20 kati ya 23:\nCustomer 11 0712000011", second);
    }
}
