using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Integration.Tests.Hosting;

public sealed class SandboxSmsTokenTests
{
    [Fact]
    public async Task SmsCallbacks_SandboxWithoutAToken_OnlyTheProcessesOwnRandomTokenGetsIn()
    {
        var sandbox = new Dictionary<string, string?> { ["App:Mode"] = "Sandbox", ["AfricasTalking:CallbackToken"] = "" };
        await using var first = await BotFactory.CreateAsync(sandbox);
        await using var second = await BotFactory.CreateAsync(sandbox);
        var token = TokenOf(first);

        var guessed = await PostAsync(first, AfricasTalkingCallbacks.InboundPath());
        var empty = await PostAsync(first, "/sms/inbound/");
        var own = await PostAsync(first, AfricasTalkingCallbacks.InboundPath(token));

        Assert.True(token.Length >= Bot.Webhooks.RouteSecretFilter.MinimumLength, token);
        Assert.NotEqual(token, TokenOf(second));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (guessed.StatusCode, empty.StatusCode, own.StatusCode));
    }

    private static string TokenOf(BotFactory bot) =>
        bot.Services.GetRequiredService<IOptions<AfricasTalkingOptions>>().Value.CallbackToken ?? "";

    private static Task<HttpResponseMessage> PostAsync(BotFactory bot, string path) =>
        bot.CreateClient().PostAsync(path, new FormUrlEncodedContent(AfricasTalkingCallbacks.Inbound("254712345678", "hello")));
}
