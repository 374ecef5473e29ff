using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceFirst.Bot.Tests.Sandbox;

public sealed class SandboxPageTests
{
    [Fact]
    public async Task Render_ConfiguredValuesWithMarkup_EncodedAndNeverInTheScript()
    {
        // A merchant's name is whatever they typed when joining by chat.
        var html = await RenderAsync(("254700000001\"><script>alert(1)</script>", "Shop</option><script>alert(3)</script>"),
            ["254712345678", "2547<b>"], ["2547<b>"], "174379</div><script>alert(2)</script>");

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("<option value=\"254700000001&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">Shop&lt;/option&gt;&lt;script&gt;alert(3)&lt;/script&gt; · ", html);
        Assert.Contains("<div>Business no. 174379&lt;/div&gt;&lt;script&gt;alert(2)&lt;/script&gt;</div>", html);
        Assert.Contains("<option value=\"2547&lt;b&gt;\">", html);
        Assert.DoesNotContain("alert(1)", html[html.IndexOf("<script>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Render_Customers_OneOptionEachMarkingThoseWithoutWhatsApp()
    {
        var html = await RenderAsync(("254700000001", "Sandbox Shop"), SandboxEndpoints.CustomerPhones, ["254110000222"], "174379");

        Assert.Contains("<select id=\"merchant-number\" aria-label=\"Merchant number\"><option value=\"254700000001\">Sandbox Shop · 0700000001</option>"
            + "<option value=\"254700000002\">A new number · 0700000002</option></select>", html);
        Assert.Contains("<select id=\"customer-number\" aria-label=\"Customer number\"><option value=\"254712345678\">0712345678</option>"
            + "<option value=\"254722000111\">0722000111</option><option value=\"254110000222\">0110000222 (SMS only)</option></select>", html);
    }

    private static async Task<string> RenderAsync((string Phone, string Name) merchant, IReadOnlyList<string> customers, IReadOnlyCollection<string> smsOnly, string shortCode)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await ComponentHtml.RenderAsync<SandboxPage>(services, new Dictionary<string, object?>
        {
            [nameof(SandboxPage.Merchants)] = new List<(string, string)> { merchant },
            [nameof(SandboxPage.NewNumber)] = "254700000002",
            [nameof(SandboxPage.CustomerPhones)] = customers,
            [nameof(SandboxPage.WithoutWhatsApp)] = smsOnly,
            [nameof(SandboxPage.ShortCode)] = shortCode,
        });
    }
}
