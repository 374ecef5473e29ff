using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Limits;

/// <summary>
/// Requests per API key (<c>Api:PermitLimit</c> per <c>Api:WindowSeconds</c>), answered 429 with
/// <c>Retry-After</c>. Its own rejection handler leaves the pay page's HTML one alone.
/// </summary>
public sealed class ApiKeyRateLimitPolicy(IOptions<ApiRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, ct) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"This API key made more than {options.Value.PermitLimit} requests in {options.Value.WindowSeconds} s; retry after {seconds} s.")
            .ExecuteAsync(context.HttpContext));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var o = options.Value;
        // The key itself never becomes a dictionary key in memory: a hash of it does.
        var presented = httpContext.Request.Headers.Authorization.ToString();
        var partition = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented)))[..16];
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.PermitLimit),
            Window = o.Window,
            QueueLimit = 0,
        });
    }
}
