namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Where the Daraja OAuth token lives. Daraja invalidates the previous token whenever a new one is
/// issued, so every instance of the bot must share one token and refresh it one at a time.
/// </summary>
public interface IDarajaTokenStore
{
    Task<CachedToken?> GetAsync(CancellationToken ct);

    Task SaveAsync(CachedToken token, CancellationToken ct);

    /// <summary>Runs <paramref name="refresh"/> while holding a lock shared by all instances.</summary>
    Task<T> WithRefreshLockAsync<T>(Func<Task<T>> refresh, CancellationToken ct);
}
