using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Ops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Tests.Ops;

public sealed class OperatorPhonesTests
{
    [Fact]
    public void TryReadList_AnyFormAMerchantPhoneTakes_NormalizedOnce()
    {
        Assert.True(OperatorPhones.TryReadList(" 0712345678, +254722000111;254712345678 ", out var phones));
        Assert.Equal(["254712345678", "254722000111"], phones.Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void TryReadList_Empty_IsNobody(string? list)
    {
        Assert.True(OperatorPhones.TryReadList(list, out var phones));
        Assert.Empty(phones);
    }

    [Theory]
    [InlineData("0712345678,hello")]
    [InlineData("0212345678")]
    public void TryReadList_AnEntryThatIsNotAKenyanMobile_IsRefused(string list) =>
        Assert.False(OperatorPhones.TryReadList(list, out _));

    [Fact]
    public void AddOps_AListWithSomethingElseThanAPhone_FailsValidationNamingTheSetting()
    {
        var services = new ServiceCollection().AddOptions().AddOps();
        services.Configure<PlatformOptions>(o => o.Operators = "0799000111,admin");

        var failed = Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<PlatformOptions>>().Value);

        Assert.Contains("Platform:Operators must list Kenyan mobile numbers", failed.Message);
    }

    [Fact]
    public void Contains_ReadsTheCurrentList_SoARemovedPhoneIsNoLongerAnOperator()
    {
        var options = new PlatformOptions { Operators = "0712345678" };
        var operators = new OperatorPhones(new Monitor(() => options));

        var before = operators.Contains("254712345678");
        options = new PlatformOptions { Operators = "0722000111" };

        Assert.True(before);
        Assert.False(operators.Contains("254712345678"));
        Assert.True(operators.Contains("254722000111"));
    }

    private sealed class Monitor(Func<PlatformOptions> current) : IOptionsMonitor<PlatformOptions>
    {
        public PlatformOptions CurrentValue => current();
        public PlatformOptions Get(string? name) => current();
        public IDisposable? OnChange(Action<PlatformOptions, string?> listener) => null;
    }
}
