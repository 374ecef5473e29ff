namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Token store for a single instance (and tests); a multi-instance host replaces it.</summary>
public sealed class InMemoryDarajaTokenStore : IDarajaTokenStore, IDisposable
{
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private volatile CachedToken? current;

    public Task<CachedToken?> GetAsync(CancellationToken ct) => Task.FromResult(current);

    public Task SaveAsync(CachedToken token, CancellationToken ct)
    {
        current = token;
        return Task.CompletedTask;
    }

    public async Task<T> WithRefreshLockAsync<T>(Func<Task<T>> refresh, CancellationToken ct)
    {
        await refreshLock.WaitAsync(ct);
        try
        {
            return await refresh();
        }
        finally
        {
            refreshLock.Release();
        }
    }

    public void Dispose() => refreshLock.Dispose();
}
