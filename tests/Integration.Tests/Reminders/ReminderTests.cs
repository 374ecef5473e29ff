using Dapper;
using InvoiceFirst.Bot.Reminders;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Reminders;

/// <summary>The scheduler is driven with explicit times (its loop is off), so no test waits on a clock.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private const string Merchant = BotFactory.MerchantPhone;
    private static readonly Dictionary<string, string?> Settings = new() { ["Reminders:Enabled"] = "false" };

    // 12:00 in Nairobi, well clear of quiet hours for every default step.
    private static readonly DateTimeOffset Expiry = new(2030, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private BotFactory _factory = null!;
    private WhatsAppSender _whatsApp = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(Settings);
        _whatsApp = new WhatsAppSender(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task RunOnceAsync_FakeClockThroughTheSchedule_RemindsAtEachStepOnceAndExpires()
    {
        await CreateSentInvoicesAsync(1, Expiry);
        var scheduler = Scheduler(_factory);

        var ticks = new[] { -2.0, -1.0, -0.9, 0.0, 0.5, 1.0, 1.2, 3.0, 7.0, 7.5, 9.0 };
        var queued = new List<int>();
        foreach (var day in ticks) queued.Add((await scheduler.RunOnceAsync(Expiry.AddDays(day), default)).RemindersQueued);

        Assert.Equal([0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0], queued);
        var reminders = await RemindersAsync();
        Assert.Equal(["reminder:" + await IdAsync("INV-0001") + ":-1d", "+1d", "+3d", "+7d"],
            reminders.Select((r, i) => i == 0 ? r.DedupeKey! : r.DedupeKey![(r.DedupeKey!.LastIndexOf(':') + 1)..]));
        Assert.All(reminders, r => Assert.Equal("254712345678", r.Recipient));
        var message = OutboxRepository.Deserialize(reminders[0].Payload);
        Assert.StartsWith("pay:", Assert.Single(message.Buttons).Id);
        Assert.Contains("https://bot.example.com/pay/", message.SmsText);
        Assert.Equal("EXPIRED", await StatusAsync("INV-0001"));
    }

    [Fact]
    public async Task RunOnceAsync_StepFallsDueAt22Nairobi_WaitsUntil07()
    {
        var lateExpiry = new DateTimeOffset(2030, 3, 10, 19, 0, 0, TimeSpan.Zero); // 22:00 Nairobi
        await CreateSentInvoicesAsync(1, lateExpiry);
        var scheduler = Scheduler(_factory);

        var atDue = await scheduler.RunOnceAsync(lateExpiry.AddDays(-1), default);
        var at0659 = await scheduler.RunOnceAsync(new DateTimeOffset(2030, 3, 10, 3, 59, 0, TimeSpan.Zero), default);
        var at0700 = new DateTimeOffset(2030, 3, 10, 4, 0, 0, TimeSpan.Zero);
        var morning = await scheduler.RunOnceAsync(at0700, default);

        Assert.Equal((0, 0, 1), (atDue.RemindersQueued, at0659.RemindersQueued, morning.RemindersQueued));
        Assert.Equal(at0700, Assert.Single(await RemindersAsync()).NextAttemptAt);
    }

    [Fact]
    public async Task RunOnceAsync_PaidCancelledAndStopped_GetNoReminder_PaidStaysPaid()
    {
        await CreateSentInvoicesAsync(4, Expiry);
        await ExecuteAsync("UPDATE invoices SET status = 'PAID', amount_paid_cents = amount_cents, paid_at = @Expiry WHERE number = 'INV-0001'");
        await SayAsync("cancel 2");
        var stopped = await SayAsync("acha 3");

        var run = await Scheduler(_factory).RunOnceAsync(Expiry.AddDays(1), default);

        Assert.Contains("INV-0003", stopped);
        Assert.Equal(1, run.RemindersQueued);
        Assert.EndsWith(":+1d", Assert.Single(await RemindersAsync()).DedupeKey);
        Assert.Equal(await IdAsync("INV-0004"), (await RemindersAsync())[0].InvoiceId);
        Assert.Equal("PAID", await StatusAsync("INV-0001"));
        Assert.Equal("CANCELLED", await StatusAsync("INV-0002"));
        Assert.Equal("EXPIRED", await StatusAsync("INV-0003"));
    }

    [Fact]
    public async Task RunOnceAsync_MerchantSwitchedRemindersOff_SendsNoneUntilSwitchedOn()
    {
        await CreateSentInvoicesAsync(2, Expiry);
        var scheduler = Scheduler(_factory);

        await SayAsync("reminders off");
        var off = await scheduler.RunOnceAsync(Expiry.AddDays(1), default);
        var on = await SayAsync("vikumbusho washa");
        var back = await scheduler.RunOnceAsync(Expiry.AddDays(1).AddHours(1), default);

        Assert.Equal(0, off.RemindersQueued);
        Assert.Contains("Vikumbusho vya kiotomatiki vimewashwa", on); // a Kiswahili keyword from a merchant who chose no language is answered in Kiswahili
        Assert.Equal(2, back.RemindersQueued);
    }

    [Fact]
    public async Task RunOnceAsync_MerchantSuspendedByTheOperator_SendsNoneUntilResumed()
    {
        await CreateSentInvoicesAsync(2, Expiry);
        var scheduler = Scheduler(_factory);
        using var api = _factory.ApiClient();
        var id = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();

        await api.PostAsync($"/merchants/{id}/suspend", null);
        var paused = await scheduler.RunOnceAsync(Expiry.AddDays(1), default);
        await api.PostAsync($"/merchants/{id}/resume", null);
        var resumed = await scheduler.RunOnceAsync(Expiry.AddDays(1).AddHours(1), default);

        Assert.Equal(0, paused.RemindersQueued);
        Assert.Equal(2, resumed.RemindersQueued);
    }

    [Fact]
    public async Task RunOnceAsync_TwoInstancesTickingTogether_NeverDuplicateAReminder()
    {
        await CreateSentInvoicesAsync(15, Expiry);
        await using var second = await BotFactory.CreateAsync(Settings, _factory.ConnectionString);
        var schedulers = new[] { Scheduler(_factory), Scheduler(second) };

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            schedulers[i % 2].RunOnceAsync(Expiry.AddDays(1).AddMinutes(i), default))));
        // A row another pass holds is skipped, not waited for: the next tick picks up what was skipped.
        var nextTick = await schedulers[0].RunOnceAsync(Expiry.AddDays(1).AddMinutes(10), default);

        Assert.Equal(15, runs.Sum(r => r.RemindersQueued) + nextTick.RemindersQueued);
        var reminders = await RemindersAsync();
        Assert.Equal(15, reminders.Count);
        Assert.Equal(15, reminders.Select(r => r.InvoiceId).Distinct().Count());
        Assert.Equal(15, runs.Sum(r => r.Expired) + nextTick.Expired);
    }

    [Fact]
    public async Task RunOnceAsync_TwoMerchantsOneCustomer_EachReminderNamesItsOwnBusiness_AndOnesSwitchOffStopsOnlyItsOwn()
    {
        using var api = _factory.ApiClient();
        (await api.PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" })).EnsureSuccessStatusCode();
        await _whatsApp.TextAsync(Merchant, "invoice 0712345678 1500 Website design");
        await _whatsApp.TextAsync("254722000999", "invoice 0712345678 800 Sukuma");
        await _whatsApp.TextAsync("254722000999", "reminders off");
        await _whatsApp.DrainAsync();
        await ExecuteAsync("UPDATE invoices SET status = 'SENT', sent_at = @SentAt, expires_at = @Expiry", new { SentAt = Expiry.AddDays(-7), Expiry });

        var run = await Scheduler(_factory).RunOnceAsync(Expiry.AddDays(1), default);

        Assert.Equal(1, run.RemindersQueued);
        var reminder = OutboxRepository.Deserialize(Assert.Single(await RemindersAsync()).Payload).Text;
        Assert.Contains("Acme Designs", reminder);
        Assert.Contains("1,500", reminder);
        Assert.DoesNotContain("Duka", reminder);
    }

    private static ReminderScheduler Scheduler(BotFactory factory) => factory.Services.GetRequiredService<ReminderScheduler>();

    private async Task CreateSentInvoicesAsync(int count, DateTimeOffset expiresAt)
    {
        for (var i = 0; i < count; i++) await _whatsApp.TextAsync(Merchant, $"invoice 0712345678 {1000 + i} Website design");
        await _whatsApp.DrainAsync();
        await ExecuteAsync("UPDATE invoices SET status = 'SENT', sent_at = @SentAt, expires_at = @Expiry",
            new { SentAt = expiresAt.AddDays(-7), Expiry = expiresAt });
    }

    private async Task<string> SayAsync(string text)
    {
        await _whatsApp.TextAsync(Merchant, text);
        await _whatsApp.DrainAsync();
        var last = (await OutboxAsync()).Last(o => o.Recipient == Merchant);
        return OutboxRepository.Deserialize(last.Payload).Text;
    }

    private async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        await connection.ExecuteAsync(sql, args ?? new { Expiry });
    }

    private async Task<string> StatusAsync(string number)
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM invoices WHERE number = @number", new { number }) ?? "";
    }

    private async Task<string> IdAsync(string number)
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        return await connection.ExecuteScalarAsync<string>("SELECT id FROM invoices WHERE number = @number", new { number }) ?? "";
    }

    private async Task<List<OutboxEntry>> RemindersAsync() =>
        (await OutboxAsync()).Where(o => o.Purpose == OutboxPurpose.Reminder).ToList();

    private Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
}
