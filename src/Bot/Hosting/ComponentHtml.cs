using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// Renders a Razor component to HTML on the server; the renderer encodes every value. The pages use the
/// plain <see cref="HtmlRenderer"/>, not RazorComponentResult: that one needs AddRazorComponents, which
/// brings antiforgery and a Data Protection key ring (created and written at every start) that no page uses.
/// </summary>
public static class ComponentHtml
{
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // One renderer per page: a renderer keeps every component it rendered until it is disposed.
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
