using System.Text.RegularExpressions;
using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Dashboard;
using InvoiceFirst.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InvoiceFirst.Integration.Tests.Ops;

/// <summary>An operator at /ops over HTTPS with a cookie jar: reads the forms' tokens and the login code sent to their WhatsApp.</summary>
internal sealed partial class OpsBrowser(BotFactory factory)
{
    public const string Operator = "254799000111";
    public static readonly Dictionary<string, string?> Settings = new() { ["Platform:Operators"] = "0799000111" };

    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    public Task<HttpResponseMessage> AskForCodeAsync(string phone) => PostFormAsync("/ops/login", new() { ["phone"] = phone });

    public Task<HttpResponseMessage> EnterCodeAsync(string phone, string code) =>
        PostFormAsync("/ops/login/code", new() { ["phone"] = phone, ["code"] = code });

    public async Task<HttpResponseMessage> LogInAsync(string phone = Operator)
    {
        await AskForCodeAsync(phone);
        return await EnterCodeAsync(phone, await LatestCodeSentToAsync(phone) ?? throw new InvalidOperationException("no code was sent"));
    }

    public Task<string?> LatestCodeSentToAsync(string phone) => new DashboardBrowser(factory).LatestCodeSentToAsync(phone);

    public async Task<string> GetTextAsync(string path) => await (await Http.GetAsync(path)).Content.ReadAsStringAsync();

    /// <summary>Posts a form with the antiforgery token the login page of this cookie jar carries.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, Dictionary<string, string> fields)
    {
        fields["_form"] = Token().Match(await GetTextAsync("/ops/login")).Groups[1].Value;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A message the dispatcher gave up on, stored dead in one transaction (the dispatcher never sees it pending).</summary>
    public static Task<long> AddDeadLetterAsync(BotFactory factory, string recipient, string text) =>
        factory.Db.InTransactionAsync(async (c, t) =>
        {
            var now = DateTimeOffset.UtcNow;
            var key = "test-dead:" + Guid.NewGuid().ToString("N");
            await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(recipient, OutboxPurpose.Notice,
                new OutboundMessage { Text = text, SmsText = text }, key, now), default);
            return await c.ExecuteScalarAsync<long>(new CommandDefinition("""
                UPDATE outbox SET status = 'DEAD', last_error = 'undeliverable:131026', attempts = 3
                WHERE dedupe_key = @key RETURNING id
                """, new { key }, t));
        }, default);

    [GeneratedRegex(@"name=""_form"" value=""([^""]+)""")]
    private static partial Regex Token();
}
