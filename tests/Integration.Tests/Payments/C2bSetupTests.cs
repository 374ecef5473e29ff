using System.Text.Json;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>Setting up Paybill/Till payments: registering the URLs with Daraja, and what Live mode refuses to start without.</summary>
public sealed class C2bSetupTests
{
    private const string Token = "0f3c9a1b7e5d4c2a8b6e0d9f1a3c5e7b";

    private static Dictionary<string, string> Environment(FakeDaraja daraja) => new()
    {
        ["App__PublicBaseUrl"] = "https://bot.example.com",
        ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-c2b-").FullName,
        ["Mpesa__BaseUrl"] = daraja.BaseUrl,
        ["Mpesa__ConsumerKey"] = daraja.ConsumerKey,
        ["Mpesa__ConsumerSecret"] = daraja.ConsumerSecret,
        ["Mpesa__ShortCode"] = "600984",
        ["Mpesa__C2bUrlToken"] = Token,
    };

    [Fact]
    public async Task RegisterVerb_Accepted_RegistersTheTokenizedUrlsAndNeverPrintsTheToken()
    {
        await using var daraja = await FakeDaraja.StartAsync();
        await using var bot = BotProcess.Start(Environment(daraja), RegisterC2bUrlsCommand.Verb);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, bot.Output);
        var sent = JsonDocument.Parse(Assert.Single(daraja.RegisterUrlRequests).Body).RootElement;
        Assert.Equal("600984", sent.GetProperty("ShortCode").GetString());
        Assert.Equal("Completed", sent.GetProperty("ResponseType").GetString());
        Assert.Equal("https://bot.example.com/payments/c2b/confirmation/" + Token, sent.GetProperty("ConfirmationURL").GetString());
        Assert.Equal("https://bot.example.com/payments/c2b/validation/" + Token, sent.GetProperty("ValidationURL").GetString());
        Assert.Contains("Registered", bot.Output);
        Assert.DoesNotContain(Token, bot.Output);
    }

    [Fact]
    public async Task RegisterVerb_AlreadyRegistered_SaysWhatToDoAndExitsNonZero()
    {
        await using var daraja = await FakeDaraja.StartAsync();
        daraja.EnqueueRegisterError(500, "500.003.1001", "Urls are already registered");
        await using var bot = BotProcess.Start(Environment(daraja), RegisterC2bUrlsCommand.Verb);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("already registered", bot.Output);
        Assert.Contains("URL Management", bot.Output);
        Assert.DoesNotContain(Token, bot.Output);
    }

    [Fact]
    public async Task RegisterVerb_ShortToken_RefusesBeforeCallingDaraja()
    {
        await using var daraja = await FakeDaraja.StartAsync();
        var environment = Environment(daraja);
        environment["Mpesa__C2bUrlToken"] = "short";
        await using var bot = BotProcess.Start(environment, RegisterC2bUrlsCommand.Verb);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("at least 32", bot.Output);
        Assert.Empty(daraja.RegisterUrlRequests);
    }

    [Fact]
    public async Task Start_LiveModeWithC2bEnabledButNoInitiator_ExitsNonZeroNamingTheSettings()
    {
        var environment = Hosting.StartupTests.LiveEnvironment();
        environment["Mpesa__Passkey"] = "pk";
        environment["Mpesa__C2bEnabled"] = "true";
        environment["Mpesa__C2bUrlToken"] = "too-short";
        await using var bot = BotProcess.Start(environment);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Mpesa:C2bUrlToken (at least 32 random characters)", bot.Output);
        Assert.Contains("Mpesa:InitiatorName", bot.Output);
        Assert.Contains("Mpesa:InitiatorPassword", bot.Output);
        Assert.Contains("Mpesa:Certificate or Mpesa:CertificatePath", bot.Output);
        Assert.DoesNotContain("too-short", bot.Output);
    }
}
