using System.Net;
using InvoiceFirst.Bot.Hosting;

namespace InvoiceFirst.Bot.Tests.Hosting;

public sealed class NetworkListTests
{
    [Fact]
    public void TryParse_SafaricomStyleList_EveryEntryAndBareAddressesAsOne()
    {
        Assert.True(NetworkList.TryParse(" 196.201.214.200/32, 196.201.212.0/24,196.201.213.44 ;2001:db8::/32", out var networks, out _));

        Assert.Equal(["196.201.214.200/32", "196.201.212.0/24", "196.201.213.44/32", "2001:db8::/32"], networks.Select(n => n.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParse_Nothing_EmptyList(string? text)
    {
        Assert.True(NetworkList.TryParse(text, out var networks, out _));
        Assert.Empty(networks);
    }

    [Theory]
    [InlineData("196.201.214.300/32", "196.201.214.300/32")]
    [InlineData("10.0.0.0/8,196.201.212.69/24", "196.201.212.69/24")]
    [InlineData("196.201.212.0/33", "196.201.212.0/33")]
    [InlineData("safaricom", "safaricom")]
    public void TryParse_NotANetwork_NamesTheEntry(string text, string entry)
    {
        Assert.False(NetworkList.TryParse(text, out _, out var invalid));
        Assert.Equal(entry, invalid);
    }

    [Theory]
    [InlineData("196.201.212.69", true)]
    [InlineData("::ffff:196.201.212.69", true)]
    [InlineData("196.201.214.200", true)]
    [InlineData("196.201.214.201", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("::1", false)]
    public void Contains_IPv4AlsoWhenMappedToIPv6(string address, bool expected)
    {
        var networks = NetworkList.Parse(NetworkList.Example, "Mpesa:AllowedNetworks");

        Assert.Equal(expected, NetworkList.Contains(networks, IPAddress.Parse(address)));
    }

    [Fact]
    public void Contains_NoAddress_False() => Assert.False(NetworkList.Contains(NetworkList.Parse("0.0.0.0/0", "k"), null));
}
