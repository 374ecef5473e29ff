using System.Threading.RateLimiting;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>Login attempts per client address: 10 in 10 minutes on this instance, on top of the per-phone limits in the database.</summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 10,
            Window = TimeSpan.FromMinutes(10),
            QueueLimit = 0,
        }));

    public bool TryEnter(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
