using System.Net;
using System.Text;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Hands out the shared Daraja OAuth token, refreshing it at most once at a time.</summary>
public sealed class DarajaTokenProvider(
    IDarajaTokenStore store,
    IHttpClientFactory httpClientFactory,
    IOptions<MpesaOptions> options,
    TimeProvider time,
    ILogger<DarajaTokenProvider> logger)
{
    // Refresh a little early so a token never expires between being read and reaching Daraja.
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        var cached = await store.GetAsync(ct);
        if (IsUsable(cached)) return cached!.AccessToken;

        return await store.WithRefreshLockAsync(async () =>
        {
            // Another caller (or instance) may have refreshed while we waited for the lock.
            var again = await store.GetAsync(ct);
            if (IsUsable(again)) return again!.AccessToken;

            var fresh = await RequestTokenAsync(ct);
            await store.SaveAsync(fresh, ct);
            return fresh.AccessToken;
        }, ct);
    }

    /// <summary>
    /// Marks <paramref name="rejectedToken"/> as dead so the next <see cref="GetTokenAsync"/> refreshes.
    /// A token that was already replaced is left alone, so many callers rejected at once cause one refresh.
    /// </summary>
    public Task InvalidateAsync(string rejectedToken, CancellationToken ct) =>
        store.WithRefreshLockAsync(async () =>
        {
            var current = await store.GetAsync(ct);
            if (current is not null && current.AccessToken == rejectedToken)
                await store.SaveAsync(current with { ExpiresAt = DateTimeOffset.MinValue }, ct);
            return true;
        }, ct);

    private bool IsUsable(CachedToken? token) =>
        token is not null && token.ExpiresAt > time.GetUtcNow() + RefreshMargin;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var client = DarajaRest.Create(httpClientFactory, settings.BaseUrl);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ConsumerKey}:{settings.ConsumerSecret}"));
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
