using System.Security.Cryptography;
using System.Text;
using InvoiceFirst.Messaging.AfricasTalking;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Refuses an Africa's Talking callback whose URL token is not <c>AfricasTalking:CallbackToken</c>:
/// 404 like any unknown path, before the body is read, so nothing is stored and nothing happens.
/// No token configured: every callback is refused.
/// </summary>
public sealed class AfricasTalkingTokenFilter(IOptions<AfricasTalkingOptions> options, ILogger<AfricasTalkingTokenFilter> logger)
    : IEndpointFilter
{
    // Digests have one length whatever was presented, so the comparison takes the same time for every guess.
    private readonly byte[]? expected = string.IsNullOrEmpty(options.Value.CallbackToken) ? null : Digest(options.Value.CallbackToken);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.RouteValues["token"] as string ?? "";
        if (expected is null || !CryptographicOperations.FixedTimeEquals(Digest(presented), expected))
        {
            // The template, never the path: the path holds what was presented, and a near miss may be the real token.
            logger.LogWarning("Suspicious Africa's Talking callback on {Route}: wrong URL token, refused",
                (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
            return Results.NotFound();
        }
        return await next(context);
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
