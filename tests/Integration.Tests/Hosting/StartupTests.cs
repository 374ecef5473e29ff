using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Integration.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_NothingConfigured_RunsInSandboxOnSqliteAndAnswersHealthChecks()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("invoicefirst-run-").FullName;
        await using var bot = BotProcess.Start(new Dictionary<string, string> { ["App__DataDirectory"] = dataDirectory });

        var health = await bot.WaitForOkAsync("/healthz", TimeSpan.FromSeconds(30));
        var ready = await bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "invoicefirst.db")));
        Assert.Contains("Sandbox mode", bot.Output);
    }

    [Fact]
    public async Task Start_WithDatabaseUrl_MigratesPostgresAndIsReady()
    {
        var server = await InvoiceFirst.Testing.Postgres.PostgresServer.SharedAsync();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("url"));
        var url = $"postgres://{target.Username}@{target.Host}:{target.Port}/{target.Database}?sslmode=disable";
        await using var bot = BotProcess.Start(new Dictionary<string, string> { ["DATABASE_URL"] = url });

        var ready = await bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM merchants", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Start_LiveModeWithoutPasskey_ExitsNonZeroNamingTheSetting()
    {
        await using var bot = BotProcess.Start(LiveEnvironment());

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Mpesa:Passkey", bot.Output);
        Assert.DoesNotContain("Mpesa:ConsumerKey,", bot.Output);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("only-31-characters-long-0123456")]
    public async Task Start_LiveModeWithAfricasTalkingButNoLongCallbackToken_ExitsNonZeroNamingTheSetting(string? token)
    {
        var environment = LiveEnvironment();
        environment["Mpesa__Passkey"] = "pk";
        environment["AfricasTalking__Username"] = "acme";
        environment["AfricasTalking__ApiKey"] = "atsk_live";
        if (token is not null) environment["AfricasTalking__CallbackToken"] = token;
        await using var bot = BotProcess.Start(environment);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AfricasTalking:CallbackToken (at least 32 characters)", bot.Output);
        Assert.DoesNotContain("Mpesa:Passkey", bot.Output);
        if (token is not null) Assert.DoesNotContain(token, bot.Output);
    }

    [Theory]
    [InlineData("Mpesa:AllowedNetworks", "196.201.214.200/32,196.201.212.69/24")]
    [InlineData("AfricasTalking:NetworkMode", "block")]
    [InlineData("App:KnownProxies", "fly-proxy")]
    public async Task Start_SettingThatIsNotANetworkList_ExitsNonZeroNamingTheKey(string key, string value)
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-networks-").FullName,
            [key.Replace(":", "__", StringComparison.Ordinal)] = value,
        });

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, bot.Output);
    }

    [Fact]
    public async Task Sigterm_WhileRunning_StopsCleanlyWithExitCodeZero()
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-term-").FullName,
        });
        await bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(30));

        var exitCode = await bot.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.Contains("shutting down", bot.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[FTL]", bot.Output);
    }

    [Fact]
    public async Task Migrate_Verb_AppliesMigrationsAndExitsZero()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("invoicefirst-migrate-").FullName;
        await using var bot = BotProcess.Start(new Dictionary<string, string> { ["App__DataDirectory"] = dataDirectory }, "migrate");

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "invoicefirst.db")));
    }

    /// <summary>Every Live setting but <c>Mpesa:Passkey</c>.</summary>
    internal static Dictionary<string, string> LiveEnvironment() => new()
    {
        ["App__Mode"] = "Live",
        ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-live-").FullName,
        ["App__PublicBaseUrl"] = "https://bot.example.com",
        ["Api__Key"] = "k",
        ["Merchant__Phone"] = "0712345678",
        ["WhatsApp__PhoneNumberId"] = "1",
        ["WhatsApp__AccessToken"] = "t",
        ["WhatsApp__VerifyToken"] = "v",
        ["WhatsApp__AppSecret"] = "s",
        ["Mpesa__ConsumerKey"] = "ck",
        ["Mpesa__ConsumerSecret"] = "cs",
        ["Mpesa__ShortCode"] = "174379",
    };
}
