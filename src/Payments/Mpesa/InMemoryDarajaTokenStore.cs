using InvoiceFirst.Data.Database;
using System.Collections.Concurrent;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Token store for a single instance (and tests); a multi-instance host replaces it.</summary>
public sealed class InMemoryDarajaTokenStore : IDarajaTokenStore, IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> refreshLocks = new();
    private readonly ConcurrentDictionary<string, CachedToken> tokens = new();

    public Task<CachedToken?> GetAsync(string account, OpenTransaction? on, CancellationToken ct) => Task.FromResult(tokens.GetValueOrDefault(account));

    public Task SaveAsync(string account, CachedToken token, OpenTransaction? on, CancellationToken ct)
    {
        tokens[account] = token;
        return Task.CompletedTask;
    }

    public async Task<T> WithRefreshLockAsync<T>(string account, OpenTransaction? on, Func<OpenTransaction?, Task<T>> refresh, CancellationToken ct)
    {
        var gate = refreshLocks.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await refresh(on);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var gate in refreshLocks.Values) gate.Dispose();
    }
}
