using InvoiceFirst.Data.Database;
using System.Net;
using System.Text;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Hands out each Daraja account's shared OAuth token, refreshing it at most once at a time.</summary>
public sealed class DarajaTokenProvider(
    IDarajaTokenStore store,
    IHttpClientFactory httpClientFactory,
    IOptions<MpesaOptions> options,
    TimeProvider time,
    ILogger<DarajaTokenProvider> logger)
{
    // Refresh a little early so a token never expires between being read and reaching Daraja.
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>The deployment's own token.</summary>
    public Task<string> GetTokenAsync(CancellationToken ct) => GetTokenAsync(DarajaAccount.Deployment(options.Value), ct);

    public Task<string> GetTokenAsync(DarajaAccount account, CancellationToken ct) => GetTokenAsync(account, null, ct);

    /// <param name="on">The caller's connection and transaction when it is inside one: the token is read (and refreshed) on it.</param>
    public async Task<string> GetTokenAsync(DarajaAccount account, OpenTransaction? on, CancellationToken ct)
    {
        var cached = await store.GetAsync(account.Key, on, ct);
        if (IsUsable(cached)) return cached!.AccessToken;

        return await store.WithRefreshLockAsync(account.Key, on, async locked =>
        {
            // Another caller (or instance) may have refreshed while we waited for the lock.
            var again = await store.GetAsync(account.Key, locked, ct);
            if (IsUsable(again)) return again!.AccessToken;

            var fresh = await RequestTokenAsync(account.ConsumerKey, account.ConsumerSecret, ct);
            await store.SaveAsync(account.Key, fresh, locked, ct);
            return fresh.AccessToken;
        }, ct);
    }

    /// <summary>
    /// Asks Daraja for a token with keys a merchant typed, before they are saved: null when Safaricom accepted them,
    /// else the exception saying whether it refused them or could not be reached. The token itself is not kept.
    /// </summary>
    public async Task<DarajaAuthException?> TryKeysAsync(string consumerKey, string consumerSecret, CancellationToken ct)
    {
        try
        {
            await RequestTokenAsync(consumerKey, consumerSecret, ct);
            return null;
        }
        catch (DarajaAuthException refused)
        {
            return refused;
        }
    }

    /// <summary>
    /// Marks <paramref name="rejectedToken"/> as dead so the next <see cref="GetTokenAsync"/> refreshes.
    /// A token that was already replaced is left alone, so many callers rejected at once cause one refresh.
    /// </summary>
    public Task InvalidateAsync(DarajaAccount account, string rejectedToken, CancellationToken ct) => InvalidateAsync(account, rejectedToken, null, ct);

    /// <param name="on">The caller's connection and transaction when it is inside one.</param>
    public Task InvalidateAsync(DarajaAccount account, string rejectedToken, OpenTransaction? on, CancellationToken ct) =>
        store.WithRefreshLockAsync(account.Key, on, async locked =>
        {
            var current = await store.GetAsync(account.Key, locked, ct);
            if (current is not null && current.AccessToken == rejectedToken)
                await store.SaveAsync(account.Key, current with { ExpiresAt = DateTimeOffset.MinValue }, locked, ct);
            return true;
        }, ct);

    private bool IsUsable(CachedToken? token) =>
        token is not null && token.ExpiresAt > time.GetUtcNow() + RefreshMargin;

    private async Task<CachedToken> RequestTokenAsync(string consumerKey, string consumerSecret, CancellationToken ct)
    {
        using var client = DarajaRest.Create(httpClientFactory, options.Value.BaseUrl);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:{consumerSecret}"));
        var request = new RestRequest("oauth/v1/generate")
            .AddQueryParameter("grant_type", "client_credentials")
            .AddHeader("Authorization", $"Basic {basic}");

        var response = await client.ExecuteAsync(request, ct);
        ct.ThrowIfCancellationRequested();

        if (response.ResponseStatus != ResponseStatus.Completed)
            throw new DarajaAuthException("Daraja OAuth could not be reached", credentialsRejected: false);

        var body = DarajaJson.TryRead<OAuthTokenResponse>(response.Content);
        if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(body?.AccessToken))
        {
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn > 0 ? body.ExpiresIn : 3599);
            logger.LogInformation("Daraja OAuth token refreshed, valid for {Seconds} s", (long)lifetime.TotalSeconds);
            return new CachedToken(body.AccessToken, time.GetUtcNow() + lifetime);
        }

        var error = DarajaJson.TryRead<DarajaErrorResponse>(response.Content);
        var rejected = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        logger.LogWarning("Daraja OAuth failed with HTTP {Status} {ErrorCode}", (int)response.StatusCode, error?.ErrorCode);
        throw new DarajaAuthException($"Daraja OAuth failed with HTTP {(int)response.StatusCode}", rejected, error?.ErrorCode);
    }
}
