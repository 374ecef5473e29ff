using System.Text.Json;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>The real host over PostgreSQL with a fake Daraja on loopback, plus the steps a payment test takes.</summary>
public sealed class PaymentHarness : IAsyncDisposable
{
    public const string Customer = "254712345678";
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _statusAnswers;

    private readonly IDictionary<string, string?> _settings;

    private PaymentHarness(FakeDaraja daraja, BotFactory factory, bool answerStatusQueries, IDictionary<string, string?> settings)
    {
        Daraja = daraja;
        Factory = factory;
        Api = factory.ApiClient();
        _settings = settings;
        _statusAnswers = answerStatusQueries ? AnswerStatusQueriesAsync(_stop.Token) : Task.CompletedTask;
    }

    public FakeDaraja Daraja { get; }
    public BotFactory Factory { get; private set; }
    public HttpClient Api { get; private set; }

    /// <summary>Stops the host and starts a new one over the same PostgreSQL database and the same fake Daraja (a restart).</summary>
    public async Task RestartAsync(IDictionary<string, string?>? changes = null)
    {
        var connectionString = Factory.HandOverDatabase();
        Api.Dispose();
        await Factory.DisposeAsync();
        foreach (var (k, v) in changes ?? new Dictionary<string, string?>()) _settings[k] = v;
        Factory = await BotFactory.CreateAsync(_settings, connectionString);
        Api = Factory.ApiClient();
    }

    /// <param name="answerStatusQueries">Post Daraja's Transaction Status result for every query, as M-PESA would (from what <see cref="FakeDaraja.KnowPayment"/> was told).</param>
    /// <param name="maxPoolSize">PostgreSQL's pool this small (see <see cref="BotFactory.CreateAsync"/>).</param>
    public static async Task<PaymentHarness> StartAsync(IDictionary<string, string?>? extra = null, Dialect dialect = Dialect.Postgres,
        bool answerStatusQueries = true, int? maxPoolSize = null)
    {
        var daraja = await FakeDaraja.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Mpesa:BaseUrl"] = daraja.BaseUrl,
            ["Mpesa:ConsumerKey"] = daraja.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = daraja.ConsumerSecret,
            ["Payments:PollMilliseconds"] = "100",
            ["Payments:QueryAfterSeconds"] = "600",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var factory = dialect == Dialect.Sqlite ? await BotFactory.CreateSqliteAsync(settings) : await BotFactory.CreateAsync(settings, maxPoolSize: maxPoolSize);
        return new PaymentHarness(daraja, factory, answerStatusQueries, settings);
    }

    public async Task<Invoice> CreateInvoiceAsync(long shillings = 1500, string msisdn = Customer, string? customerName = null)
    {
        var response = await Api.PostAsJsonAsync("/invoices",
            new { msisdn, amount_cents = shillings * 100, description = "Website design", customer_name = customerName });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (await InvoiceAsync(id))!;
    }

    /// <summary>An invoice of two items through the API: 2 × Cement @ KES 750 and a Wheelbarrow KES 4,500 (KES 6,000).</summary>
    public async Task<Invoice> CreateItemInvoiceAsync()
    {
        var response = await Api.PostAsJsonAsync("/invoices", new
        {
            msisdn = Customer,
            items = new object[]
            {
                new { description = "Cement", quantity = 2, unit_amount_cents = 75000 },
                new { description = "Wheelbarrow", quantity = 1, unit_amount_cents = 450000 },
            },
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (await InvoiceAsync(id))!;
    }

    public Task<Invoice?> InvoiceAsync(string id) => Factory.Services.GetRequiredService<InvoiceRepository>().GetAsync(id, default);

    public Task<IReadOnlyList<Payment>> PaymentsAsync(string? invoiceId = null) =>
        Factory.Services.GetRequiredService<PaymentRepository>().ListForInvoiceAsync(invoiceId, default);

    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => Factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);

    /// <summary>A signed WhatsApp button tap, as Meta would post it.</summary>
    public async Task TapAsync(string invoiceId, string from = Customer)
    {
        var message = WebhookBuilders.ButtonReply(from, "pay:" + invoiceId, "Pay with M-PESA",
            id: "wamid." + Guid.NewGuid().ToString("N"), timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var body = WebhookBuilders.Bytes(WebhookBuilders.Envelope([message]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(body, BotFactory.AppSecret));
        using var client = Factory.CreateClient();
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public Task StoreInboundAsync(InboundEvent inbound) =>
        Factory.Services.GetRequiredService<InboxRepository>().StoreAsync([inbound], DateTimeOffset.UtcNow, default);

    /// <summary>Waits for the n-th push to be accepted and recorded; returns the payment and the push body.</summary>
    public async Task<(Payment Payment, JsonElement Push)> WaitForPushAsync(int n)
    {
        await Daraja.WaitForStkPushesAsync(n, Deadline);
        var push = JsonDocument.Parse(Daraja.StkPushes[n - 1].Body).RootElement.Clone();
        var token = push.GetProperty("CallBackURL").GetString()!.Split('/')[^1];
        var payment = await UntilAsync(async () => (await PaymentsAsync()).SingleOrDefault(p => p.CallbackToken == token && p.CheckoutRequestId is not null));
        return (payment, push);
    }

    /// <summary>Posts a callback body to the payment's callback URL through the test server.</summary>
    public async Task<HttpResponseMessage> CallbackAsync(Payment payment, string body, string? token = null)
    {
        using var client = Factory.CreateClient();
        var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync($"/payments/stk/callback/{token ?? payment.CallbackToken}", content);
    }

    /// <summary>A Paybill confirmation as Daraja posts it, with <paramref name="account"/> typed by the payer.</summary>
    public static string C2bConfirmation(string transId, string account, long shillings) => $$"""
        {"TransactionType":"Pay Bill","TransID":"{{transId}}","TransTime":"20231121121325","TransAmount":"{{shillings}}.00",
         "BusinessShortCode":"174379","BillRefNumber":"{{account}}","InvoiceNumber":"","OrgAccountBalance":"25.00",
         "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
        """;

    /// <summary>Posts a C2B confirmation to the registered (tokenized) URL, or to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> ConfirmC2bAsync(string body, string? path = null)
    {
        using var client = Factory.CreateClient();
        return await client.PostAsync(path ?? BotFactory.C2bConfirmationPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
    }

    /// <summary>A genuine Paybill payment: M-PESA has it, and Daraja posts its confirmation.</summary>
    public Task<HttpResponseMessage> PayByPaybillAsync(string transId, string account, long shillings)
    {
        Daraja.KnowPayment(transId, shillings);
        return ConfirmC2bAsync(C2bConfirmation(transId, account, shillings));
    }

    /// <summary>Posts a Transaction Status result body to the ResultURL of <paramref name="query"/>.</summary>
    public async Task<HttpResponseMessage> DeliverStatusResultAsync(FakeDaraja.StatusQuery query, string? body = null)
    {
        using var client = Factory.CreateClient();
        return await client.PostAsync(query.ResultPath,
            new StringContent(body ?? Daraja.StatusResultFor(query), System.Text.Encoding.UTF8, "application/json"));
    }

    public Task<IReadOnlyList<C2bConfirmation>> ConfirmationsAsync() =>
        Factory.Services.GetRequiredService<C2bConfirmationRepository>().ListAsync(default);

    // Daraja answers each accepted query once, a moment later, at the ResultURL the query named.
    private async Task AnswerStatusQueriesAsync(CancellationToken ct)
    {
        var answered = 0;
        while (!ct.IsCancellationRequested)
        {
            var queries = Daraja.StatusQueries;
            for (; answered < queries.Count && !ct.IsCancellationRequested; answered++)
            {
                try { (await DeliverStatusResultAsync(queries[answered])).Dispose(); }
                catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or OperationCanceledException) { return; }
            }
            try { await Task.Delay(25, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    public Task<HttpResponseMessage> PaySuccessAsync(Payment payment, string receipt = "NLJ7RT61SV")
    {
        Daraja.SetQueryResult(payment.CheckoutRequestId!, "0", "The service request is processed successfully.");
        return CallbackAsync(payment, FakeDarajaCallbacks.Success(payment.CheckoutRequestId!, payment.AmountCents / 100m, receipt));
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan? deadline = null) where T : class
    {
        var end = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > end) throw new TimeoutException("Condition not met before the deadline");
            await Task.Delay(50);
        }
    }

    public async Task<Invoice> UntilInvoiceAsync(string id, Func<Invoice, bool> condition) =>
        await UntilAsync(async () => await InvoiceAsync(id) is { } i && condition(i) ? i : null);

    public async Task<Payment> UntilPaymentAsync(long id, Func<Payment, bool> condition) =>
        await UntilAsync(async () => (await PaymentsAsync()).SingleOrDefault(p => p.Id == id && condition(p)));

    /// <summary>Waits until the inbox has nothing pending, so "nothing changed" is a real observation.</summary>
    public Task InboxDrainedAsync() => Factory.InboxDrainedAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _statusAnswers;
        await Factory.DisposeAsync();
        await Daraja.DisposeAsync();
    }
}
