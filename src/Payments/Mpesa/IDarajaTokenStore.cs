using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Where the Daraja OAuth tokens live, one per <see cref="DarajaAccount.Key"/>. Daraja invalidates an app's previous
/// token whenever it issues a new one, so every instance of the bot must share each token and refresh it one at a time.
/// </summary>
/// <remarks>
/// <c>on</c> is the caller's connection and transaction when it calls Daraja inside one (a callback's confirmation
/// query): the store reads, locks and saves on it instead of a second pooled connection. Null: the store's own.
/// </remarks>
public interface IDarajaTokenStore
{
    Task<CachedToken?> GetAsync(string account, OpenTransaction? on, CancellationToken ct);

    Task SaveAsync(string account, CachedToken token, OpenTransaction? on, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="refresh"/> while holding the account's lock, shared by all instances; it is handed the
    /// connection to read and save on (the lock's own, or <c>on</c>).
    /// </summary>
    Task<T> WithRefreshLockAsync<T>(string account, OpenTransaction? on, Func<OpenTransaction?, Task<T>> refresh, CancellationToken ct);
}
