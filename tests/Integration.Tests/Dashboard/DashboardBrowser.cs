using System.Text.RegularExpressions;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InvoiceFirst.Integration.Tests.Dashboard;

/// <summary>A person at /app over HTTPS with a cookie jar: reads the forms' tokens and the login code sent to their WhatsApp.</summary>
internal sealed partial class DashboardBrowser(BotFactory factory)
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    public Task<HttpResponseMessage> AskForCodeAsync(string phone) => PostFormAsync("/app/login", new() { ["phone"] = phone });

    public Task<HttpResponseMessage> EnterCodeAsync(string phone, string code) =>
        PostFormAsync("/app/login/code", new() { ["phone"] = phone, ["code"] = code });

    /// <summary>Asks for a code, reads it from the message queued to the phone, and enters it.</summary>
    public async Task<HttpResponseMessage> LogInAsync(string phone)
    {
        await AskForCodeAsync(phone);
        return await EnterCodeAsync(phone, await LatestCodeSentToAsync(phone) ?? throw new InvalidOperationException("no code was sent"));
    }

    public async Task<string?> LatestCodeSentToAsync(string phone)
    {
        var sent = (await factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default))
            .Where(o => o.Recipient == phone && o.DedupeKey?.StartsWith("login-code:", StringComparison.Ordinal) == true).LastOrDefault();
        return sent is null ? null : SixDigits().Match(OutboxRepository.Deserialize(sent.Payload).Text).Value;
    }

    public async Task<string> GetTextAsync(string path) => await (await Http.GetAsync(path)).Content.ReadAsStringAsync();

    /// <summary>Posts a form with the antiforgery token a page of this session carries (the login page's serves every form).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, Dictionary<string, string> fields)
    {
        fields["_form"] = Token().Match(await GetTextAsync("/app/login")).Groups[1].Value;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"name=""_form"" value=""([^""]+)""")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
