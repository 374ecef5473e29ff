using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>The same customer, amount and description from chat within 10 minutes asks before a second invoice.</summary>
public sealed class DuplicateGuardTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private MerchantChatDriver _merchant = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _merchant = new MerchantChatDriver(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SameInvoiceTwice_AsksAndSendsTheSecondOnlyOnYes()
    {
        await _merchant.SayAsync("invoice 0712345678 1500 Website design");

        var asked = await _merchant.SayAsync("invoice 0712345678 1,500 website design");
        var whileAsking = (await _merchant.InvoicesAsync()).Count;
        var sent = await _merchant.SayAsync("yes");

        Assert.Equal("You sent INV-0001 less than a minute ago. Send another? Yes / No", asked);
        Assert.Equal(1, whileAsking);
        Assert.Contains("INV-0002", sent);
        Assert.Equal(2, (await _merchant.InvoicesAsync()).Count);
    }

    [Fact]
    public async Task SameInvoiceTwice_NoKeepsOne_InSwahili()
    {
        await _merchant.SayAsync("lugha sw");
        await _merchant.SayAsync("ankara 0712345678 1500 Viatu");

        var asked = await _merchant.SayAsync("ankara 0712345678 1500 Viatu");
        var declined = await _merchant.SayAsync("hapana");

        Assert.Equal("Ulituma INV-0001 chini ya dakika moja iliyopita. Tuma nyingine? Ndio / Hapana", asked);
        Assert.Contains("sijaituma", declined);
        Assert.Single(await _merchant.InvoicesAsync());
    }

    [Fact]
    public async Task DifferentAmountOrAnotherMessage_IsNotHeldBack()
    {
        await _merchant.SayAsync("invoice 0712345678 1500 Website design");
        var otherAmount = await _merchant.SayAsync("invoice 0712345678 1600 Website design");
        await _merchant.SayAsync("invoice 0712345678 1500 Website design");
        var afterIgnoring = await _merchant.SayAsync("list");
        var laterYes = await _merchant.SayAsync("yes");

        Assert.Contains("INV-0002", otherAmount);
        Assert.Contains("of 2", afterIgnoring);
        Assert.DoesNotContain("INV-0003", laterYes);
        Assert.Equal(2, (await _merchant.InvoicesAsync()).Count);
    }

    [Fact]
    public async Task SameInvoiceTwiceByApi_IsNotAsked()
    {
        await _merchant.CreateByApiAsync("0712345678", 1500, "Website design");
        await _merchant.CreateByApiAsync("0712345678", 1500, "Website design");

        Assert.Equal(2, (await _merchant.InvoicesAsync()).Count);
    }
}
