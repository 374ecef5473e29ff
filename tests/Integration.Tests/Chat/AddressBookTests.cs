using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>Saved customers over the real host: one phone, the name the merchant uses, found by any case or a unique start.</summary>
public sealed class AddressBookTests : IAsyncLifetime
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
    public async Task InvoiceByName_AfterAnotherInvoiceNamedThePhoneDifferently_StillFindsTheSavedCustomer()
    {
        var saved = await _merchant.SayAsync("customer John Kamau 0712345678");
        await _merchant.CreateByApiAsync("0712345678", 300, "Delivery", name: "Jane");

        var reply = await _merchant.SayAsync("invoice John Kamau 100 Airtime");

        Assert.Contains("Saved: John Kamau 0712345678", saved);
        Assert.Equal("John Kamau", await _merchant.SavedNameAsync("254712345678"));
        Assert.Contains("INV-0002", reply);
        Assert.Equal(("INV-0002", "254712345678", "John Kamau"), (await _merchant.InvoicesAsync())[1]);
    }

    [Fact]
    public async Task InvoiceByName_LowerCasePrefix_InvoicesTheOneCustomerItStarts()
    {
        await _merchant.SayAsync("customer Jane Wanjiru 0712345678");
        await _merchant.SayAsync("customer Otieno 0722000111");

        var reply = await _merchant.SayAsync("invoice jane 500 Braids");

        Assert.Contains("INV-0001", reply);
        Assert.Contains("Jane Wanjiru", reply);
        Assert.Equal([("INV-0001", "254712345678", "Jane Wanjiru")], await _merchant.InvoicesAsync());
    }

    [Fact]
    public async Task InvoiceByName_TwoMatch_AsksWhichAndInvoicesThePickedOne()
    {
        await _merchant.SayAsync("customer Jane Wanjiru 0712345678");
        await _merchant.SayAsync("customer Jane Achieng 0722000111");

        var question = await _merchant.SayAsync("invoice jane 500 Braids");
        var invoicesWhileAsking = await _merchant.InvoicesAsync();
        var sent = await _merchant.SayAsync("2");

        Assert.Contains("Which one?", question);
        Assert.Contains("1. Jane Achieng 0722000111", question);
        Assert.Contains("2. Jane Wanjiru 0712345678", question);
        Assert.Empty(invoicesWhileAsking);
        Assert.Contains("INV-0001", sent);
        Assert.Equal([("INV-0001", "254712345678", "Jane Wanjiru")], await _merchant.InvoicesAsync());
    }

    [Fact]
    public async Task SaveCustomer_NewNameForSavedPhone_AsksFirstAndRenamesOnlyOnYes()
    {
        await _merchant.SayAsync("customer John Kamau 0712345678");

        var asked = await _merchant.SayAsync("customer Johnny 0712345678");
        var buttons = (await _merchant.LastToMerchantAsync()).Buttons.Select(b => b.Id).ToList();
        var keptAfterNo = await _merchant.SayAsync("no");
        var nameAfterNo = await _merchant.SavedNameAsync("254712345678");
        await _merchant.SayAsync("mteja Johnny 0712345678");
        var renamed = await _merchant.TapAsync("answer:yes");

        Assert.Contains("0712345678 is saved as John Kamau. Save it as Johnny instead? Yes / No", asked);
        Assert.Equal(["answer:yes", "answer:no"], buttons);
        Assert.Contains("keeps its saved name", keptAfterNo);
        Assert.Equal("John Kamau", nameAfterNo);
        Assert.Contains("Johnny", renamed);
        Assert.Equal("Johnny", await _merchant.SavedNameAsync("254712345678"));
    }

    [Fact]
    public async Task GuidedInvoice_NewNameForSavedPhone_SendsWithItAndAsksBeforeRenaming()
    {
        await _merchant.SayAsync("customer John Kamau 0712345678");

        await _merchant.SayAsync("new");
        await _merchant.SayAsync("0712345678");
        await _merchant.SayAsync("Johnny");
        await _merchant.SayAsync("500");
        await _merchant.SayAsync("Repairs");
        var asked = await _merchant.SayAsync("yes");
        var nameBeforeAnswer = await _merchant.SavedNameAsync("254712345678");
        await _merchant.SayAsync("ndio");

        Assert.Equal([("INV-0001", "254712345678", "Johnny")], await _merchant.InvoicesAsync());
        Assert.Contains("is saved as John Kamau. Save it as Johnny instead?", asked);
        Assert.Equal("John Kamau", nameBeforeAnswer);
        Assert.Equal("Johnny", await _merchant.SavedNameAsync("254712345678"));
    }

    [Fact]
    public async Task GuidedInvoice_AmbiguousName_NamesThemAndTakesMoreOfTheName()
    {
        await _merchant.SayAsync("customer Jane Wanjiru 0712345678");
        await _merchant.SayAsync("customer Jane Achieng 0722000111");

        await _merchant.SayAsync("new");
        var ambiguous = await _merchant.SayAsync("jane");
        var amountAsked = await _merchant.SayAsync("jane a");
        await _merchant.SayAsync("500");
        await _merchant.SayAsync("Braids");
        await _merchant.SayAsync("yes");

        Assert.Contains("Several saved customers match \"jane\": Jane Achieng 0722000111, Jane Wanjiru 0712345678", ambiguous);
        Assert.Contains("How much?", amountAsked);
        Assert.Equal([("INV-0001", "254722000111", "Jane Achieng")], await _merchant.InvoicesAsync());
    }

    [Fact]
    public async Task SaveCustomer_WithoutAPhone_SaysWhatToTypeInTheMerchantsLanguage()
    {
        var english = await _merchant.SayAsync("customer Jane");
        await _merchant.SayAsync("lugha sw");
        var swahili = await _merchant.SayAsync("mteja Jane 07123");

        Assert.Contains("customer Jane Wanjiru 0712345678", english);
        Assert.Contains("mteja Jane Wanjiru 0712345678", swahili);
        Assert.Contains("Kenya", swahili);
    }
}
