using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class AddMpesaClientTests
{
    [Fact]
    public void AddMpesaClient_HostRegisteredTokenStoreFirst_KeepsHostStore()
    {
        var services = new ServiceCollection();
        var hostStore = new InMemoryDarajaTokenStore();
        services.AddSingleton<IDarajaTokenStore>(hostStore);

        services.AddMpesaClient(Config(new()));
        using var provider = services.BuildServiceProvider();

        Assert.Same(hostStore, provider.GetRequiredService<IDarajaTokenStore>());
    }

    [Fact]
    public void AddMpesaClient_Defaults_SandboxPaybillAndShortCodeAsPartyB()
    {
        using var provider = new ServiceCollection()
            .AddMpesaClient(Config(new() { ["Mpesa:ShortCode"] = "174379" }))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MpesaOptions>>().Value;

        Assert.Equal("https://sandbox.safaricom.co.ke", options.BaseUrl);
        Assert.Equal("CustomerPayBillOnline", options.TransactionType);
        Assert.Equal("174379", options.EffectivePartyB);
        Assert.Equal(250_000, options.MaxAmountPerTransaction);
        Assert.True(options.ShouldConfirmWithQuery(liveMode: true));
        Assert.False(options.ShouldConfirmWithQuery(liveMode: false));
    }

    [Fact]
    public void AddMpesaClient_UnknownTransactionType_ValidationNamesTheKey()
    {
        using var provider = new ServiceCollection()
            .AddMpesaClient(Config(new() { ["Mpesa:TransactionType"] = "CustomerPayBill" }))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<MpesaOptions>>().Value);

        Assert.Contains("Mpesa:TransactionType", error.Message);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
