using InvoiceFirst.Data.Merchants;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// Who is calling the API: the operator (<c>Api:Key</c>) or one merchant, with a key of its own (the merchant as the
/// key filter read it, so an endpoint does not read it again).
/// </summary>
public sealed record ApiCaller(Merchant? Merchant)
{
    public static readonly ApiCaller Operator = new((Merchant?)null);

    public bool IsOperator => Merchant is null;

    /// <summary>The caller the API key filter let in (it runs before every endpoint that needs one).</summary>
    public static ApiCaller Of(HttpContext http) =>
        http.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("Endpoint without RequireApiKey");
}

/// <summary>
/// Bearer key on the REST API: the operator's <c>Api:Key</c> (compared in constant time), or a merchant key,
/// which is let in only while its merchant is active. No operator key configured: only merchant keys get in.
/// </summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options, MerchantApiKeyRepository keys, MerchantRepository merchants, bool operatorOnly)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (BearerKey.Matches(http.Request, options.Value.Key))
        {
            http.Items[typeof(ApiCaller)] = ApiCaller.Operator;
            return await next(context);
        }
        if (BearerKey.Presented(http.Request) is not { Length: > 0 } presented
            || await keys.FindMerchantAsync(presented, http.RequestAborted) is not { } merchantId)
            return BearerKey.Refuse(http, "Api:Key, or a merchant key");
        if (operatorOnly)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This endpoint takes the operator's key",
                detail: "A merchant key works on /invoices, /payments/stk/initiate, /stats/summary, /events and /reconciliation.");
        var merchant = await merchants.GetAsync(merchantId, http.RequestAborted);
        if (merchant?.Status != MerchantStatus.Active)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This merchant's account is not active",
                detail: "Its keys work again once the operator resumes (or approves) the account.");
        http.Items[typeof(ApiCaller)] = new ApiCaller(merchant);
        return await next(context);
    }
}

public static class ApiKeyFilterExtensions
{
    /// <summary>The operator's key or a merchant key, the per-key rate limit that comes with it, and both said in the OpenAPI document.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddKeyFilter(operatorOnly: false);

    /// <summary>Only the operator's key: a merchant key is answered 403.</summary>
    public static TBuilder RequireOperatorKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddKeyFilter(operatorOnly: true);

    private static TBuilder AddKeyFilter<TBuilder>(this TBuilder builder, bool operatorOnly) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
            {
                var filter = ActivatorUtilities.CreateInstance<ApiKeyFilter>(factory.ApplicationServices, operatorOnly);
                return context => filter.InvokeAsync(context, next);
            })
            .RequireRateLimiting(Limits.ApiKeyRateLimitPolicy.Name).DocumentApiKey(operatorOnly);
}
