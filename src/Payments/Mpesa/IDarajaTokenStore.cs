namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Where the Daraja OAuth tokens live, one per <see cref="DarajaAccount.Key"/>. Daraja invalidates an app's previous
/// token whenever it issues a new one, so every instance of the bot must share each token and refresh it one at a time.
/// </summary>
public interface IDarajaTokenStore
{
    Task<CachedToken?> GetAsync(string account, CancellationToken ct);

    Task SaveAsync(string account, CachedToken token, CancellationToken ct);

    /// <summary>Runs <paramref name="refresh"/> while holding the account's lock, shared by all instances.</summary>
    Task<T> WithRefreshLockAsync<T>(string account, Func<Task<T>> refresh, CancellationToken ct);
}
