using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, declaring the bearer key and which operations need it
/// (<see cref="ApiKeyFilterExtensions.RequireApiKey{TBuilder}"/> marks them), and its reference at /docs.
/// </summary>
public static class ApiDocs
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "InvoiceFirst";
            document.Info.Description = "Invoice from a chat, get paid by M-PESA. Webhook endpoints take the providers' own payloads.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "'Authorization: Bearer <key>' with one of two kinds of key: the operator's Api:Key, or a merchant key " +
                    "(ifk_…, from POST /merchants/{id}/api-keys), which acts only for its merchant. Each operation says which it takes.",
            };
            return Task.CompletedTask;
        }));

    /// <summary>Declares on one operation that it needs a bearer key, which kinds it takes, and that it may answer 401 and 403.</summary>
    public static TBuilder DocumentApiKey<TBuilder>(this TBuilder builder, bool operatorOnly) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            operation.Description = (operation.Description is { Length: > 0 } d ? d + " " : "") + (operatorOnly
                ? "Key: the operator's Api:Key only."
                : "Key: the operator's Api:Key (acting for ?merchant_id=, or the Merchant:Phone merchant) or a merchant key (its own merchant only).");
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing or wrong API key" });
            operation.Responses.TryAdd("403", new OpenApiResponse
            {
                Description = operatorOnly ? "A merchant key: this operation takes the operator's key" : "A merchant key whose merchant is not active",
            });
            return Task.CompletedTask;
        });

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("InvoiceFirst API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(BearerScheme)
            .AddHttpAuthentication(BearerScheme, scheme => scheme.Token = "your-api-key")
            // No EnablePersistentAuthentication(): it would keep the operator key in the browser's local storage.
            // A reference for this API only: no AI chat, MCP, hosted client or deploy toolbar pointing elsewhere.
            .DisableAgent()
            .DisableMcp()
            .HideClientButton()
            .HideDeveloperTools());
        return app;
    }
}
