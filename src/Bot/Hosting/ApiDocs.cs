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
                Description = "The operator's Api:Key: 'Authorization: Bearer <key>'.",
            };
            return Task.CompletedTask;
        }));

    /// <summary>Declares on one operation that it needs the bearer key and may answer 401.</summary>
    public static TBuilder DocumentApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing or wrong API key" });
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
