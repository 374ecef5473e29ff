namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class DarajaTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_TwentyConcurrentCallers_OneOAuthCall()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.OAuthDelay = TimeSpan.FromMilliseconds(200);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => h.Tokens.GetTokenAsync(default))));

        Assert.Equal(1, h.Fake.TokenRequestCount);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task GetTokenAsync_ExpiresInAsString_CachesForThatLifetime()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.ExpiresInAsString = true;
        h.Fake.ExpiresInSeconds = 600;

        var first = await h.Tokens.GetTokenAsync(default);
        h.Time.Advance(TimeSpan.FromSeconds(500));
        var stillCached = await h.Tokens.GetTokenAsync(default);
        h.Time.Advance(TimeSpan.FromSeconds(60));
        var refreshed = await h.Tokens.GetTokenAsync(default);

        Assert.Equal(first, stillCached);
        Assert.NotEqual(first, refreshed);
        Assert.Equal(2, h.Fake.TokenRequestCount);
    }

    [Fact]
    public async Task InvalidateAsync_ManyCallersRejectSameToken_OneRefresh()
    {
        await using var h = await DarajaHarness.StartAsync();
        var rejected = await h.Tokens.GetTokenAsync(default);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await h.Tokens.InvalidateAsync(h.Deployment, rejected, default);
            return await h.Tokens.GetTokenAsync(default);
        })));

        Assert.Equal(2, h.Fake.TokenRequestCount);
        Assert.NotEqual(rejected, await h.Tokens.GetTokenAsync(default));
    }

    [Fact]
    public async Task InvalidateAsync_TokenAlreadyReplaced_KeepsCurrentToken()
    {
        await using var h = await DarajaHarness.StartAsync();
        var current = await h.Tokens.GetTokenAsync(default);

        await h.Tokens.InvalidateAsync(h.Deployment, "some-older-token", default);

        Assert.Equal(current, await h.Tokens.GetTokenAsync(default));
        Assert.Equal(1, h.Fake.TokenRequestCount);
    }
}
