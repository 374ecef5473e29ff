using InvoiceFirst.Payments;
using InvoiceFirst.Payments.Mpesa;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InvoiceFirst.Payments.Tests.Mpesa;

/// <summary>The real registration (AddMpesaClient) pointed at a fake Daraja on loopback, with a fake clock.</summary>
internal sealed class DarajaHarness : IAsyncDisposable
{
    public const string ShortCode = "174379";
    public const string SandboxPasskey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    public static readonly DateTimeOffset Start = new(2021, 6, 28, 6, 24, 8, TimeSpan.Zero);

    private DarajaHarness(FakeDaraja fake, FakeTimeProvider time, ServiceProvider services)
    {
        Fake = fake;
        Time = time;
        Services = services;
    }

    public FakeDaraja Fake { get; }
    public FakeTimeProvider Time { get; }
    public ServiceProvider Services { get; }
    public DarajaClient Client => Services.GetRequiredService<DarajaClient>();
    public DarajaTokenProvider Tokens => Services.GetRequiredService<DarajaTokenProvider>();
    public DarajaAccount Deployment => DarajaAccount.Deployment(Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MpesaOptions>>().Value);

    public static async Task<DarajaHarness> StartAsync(Dictionary<string, string?>? overrides = null)
    {
        var fake = await FakeDaraja.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Mpesa:BaseUrl"] = fake.BaseUrl,
            ["Mpesa:ConsumerKey"] = fake.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = fake.ConsumerSecret,
            ["Mpesa:ShortCode"] = ShortCode,
            ["Mpesa:Passkey"] = SandboxPasskey,
        };
        foreach (var (key, value) in overrides ?? []) settings[key] = value;

        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddMpesaClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return new DarajaHarness(fake, time, services.BuildServiceProvider());
    }

    public static StkPushRequest Push(string phone = "254722111111", long amount = 1500, string reference = "INV-0042") =>
        new(phone, amount, reference, "Website design", "https://pay.example.com/payments/stk/callback/abc123");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
