using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Review;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Ops;

/// <summary>
/// The console's actions as an operator sees them: approve a pending merchant (the registrant is told once), retry a
/// dead letter (queued once however often the form is sent), mark a review resolved with a note (who and when kept);
/// without a session or without the form's token nothing changes.
/// </summary>
public sealed class OpsActionTests : IAsyncLifetime
{
    private const string Registrant = "254733444555";
    private BotFactory _factory = null!;
    private OpsBrowser _ops = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(OpsBrowser.Settings);
        _ops = new OpsBrowser(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Approve_PendingMerchant_ActiveAndToldOnce_ASecondPressIs409AndTellsNothing()
    {
        var pending = await PendingMerchantAsync();
        await _ops.LogInAsync();

        var list = await _ops.GetTextAsync("/ops/merchants?status=pending");
        var overview = await _ops.GetTextAsync("/ops");
        var approved = await _ops.PostFormAsync($"/ops/merchants/{pending.Id}/approve", new() { ["status"] = "pending" });
        var again = await _ops.PostFormAsync($"/ops/merchants/{pending.Id}/approve", []);
        var missing = await _ops.PostFormAsync("/ops/merchants/999999/approve", []);

        Assert.Contains("Kibanda Cafe", list);
        Assert.Contains($"action=\"/ops/merchants/{pending.Id}/approve\"", list);
        Assert.Contains("1 merchant(s) waiting for approval", overview);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("Kibanda Cafe is now active.", await approved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Cannot approve a merchant that is active", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No such merchant.", await missing.Content.ReadAsStringAsync());
        Assert.Equal(MerchantStatus.Active, (await _factory.Services.GetRequiredService<MerchantRepository>().GetAsync(pending.Id, default))!.Status);
        var told = await OutboxTextsToAsync(Registrant);
        Assert.Contains("Good news: Kibanda Cafe is approved", Assert.Single(told));
    }

    [Fact]
    public async Task Merchants_SearchByLocalPhoneNameOrCode_ShowsThisMonthsVolume()
    {
        using var api = _factory.ApiClient();
        (await api.PostAsJsonAsync("/invoices", new { msisdn = "0712345678", amount_cents = 150_000, description = "Website design" })).EnsureSuccessStatusCode();
        await PendingMerchantAsync();
        await _ops.LogInAsync();

        var byPhone = await _ops.GetTextAsync("/ops/merchants?q=0700000001");
        var byName = await _ops.GetTextAsync("/ops/merchants?q=kibanda");
        var active = await _ops.GetTextAsync("/ops/merchants?status=ACTIVE");

        Assert.Contains("Acme Designs", byPhone);
        Assert.DoesNotContain("Kibanda Cafe", byPhone);
        Assert.Contains("1 invoice(s), KES 1,500 invoiced, KES 0 collected", byPhone);
        Assert.Contains("Kibanda Cafe", byName);
        Assert.DoesNotContain("Acme Designs", byName);
        Assert.DoesNotContain("Kibanda Cafe", active);
    }

    [Fact]
    public async Task Retry_DeadLetter_QueuedOnce_ASecondPressOrReplayQueuesNothing()
    {
        var id = await OpsBrowser.AddDeadLetterAsync(_factory, "254712345678", "Secret invoice text");
        await _ops.LogInAsync();

        var page = await _ops.GetTextAsync("/ops/dead-letters");
        var first = await _ops.PostFormAsync($"/ops/dead-letters/{id}/retry", []);
        var second = await _ops.PostFormAsync($"/ops/dead-letters/{id}/retry", []);

        Assert.Contains($"data-dead-letter=\"{id}\"", page);
        Assert.Contains("undeliverable:131026", page);
        Assert.Contains("2547****678", page);
        Assert.DoesNotContain("254712345678", page);
        Assert.DoesNotContain("Secret invoice text", page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Queued again", await first.Content.ReadAsStringAsync());
        Assert.DoesNotContain($"data-dead-letter=\"{id}\"", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("no longer a dead letter", await second.Content.ReadAsStringAsync());
        await using var c = await _factory.Db.OpenAsync(default);
        Assert.Equal(("PENDING", 0), await c.QuerySingleAsync<(string, int)>("SELECT status, attempts FROM outbox WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Resolve_PaymentAndReviewItem_NeedANote_RecordWhoAndWhen_AndLeaveTheList()
    {
        var paymentId = await PaymentInReviewAsync();
        await using (var c = await _factory.Db.OpenAsync(default))
        await using (var t = await c.BeginTransactionAsync())
        {
            await ReviewItemRepository.AddAsync(c, t, new ReviewItem
            {
                Source = ReviewSources.StkCallback, SourceEventId = "evt-unreadable-1", Reason = "missing CheckoutRequestID",
                Raw = "{\"secret\":\"raw body\"}", CreatedAt = DateTimeOffset.UtcNow,
            }, default);
            await t.CommitAsync();
        }
        await _ops.LogInAsync();

        var page = await _ops.GetTextAsync("/ops/review");
        var overview = await _ops.GetTextAsync("/ops");
        var noNote = await _ops.PostFormAsync($"/ops/review/payments/{paymentId}/resolve", new() { ["note"] = "   " });
        var resolved = await _ops.PostFormAsync($"/ops/review/payments/{paymentId}/resolve", new() { ["note"] = "Checked with Safaricom: not paid." });
        var again = await _ops.PostFormAsync($"/ops/review/payments/{paymentId}/resolve", new() { ["note"] = "again" });
        var itemId = await ScalarAsync<long>("SELECT id FROM review_items");
        var item = await _ops.PostFormAsync($"/ops/review/items/{itemId}/resolve", new() { ["note"] = "Duplicate of a settled callback." });

        Assert.Contains($"data-payment=\"{paymentId}\"", page);
        Assert.Contains("missing CheckoutRequestID", page);
        Assert.DoesNotContain("raw body", page);
        Assert.Contains("1 payment(s) in review", overview);
        Assert.Contains("1 unreadable provider message(s)", overview);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Write a note", await noNote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.DoesNotContain($"data-payment=\"{paymentId}\"", await resolved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.Contains("No unreadable provider message.", await item.Content.ReadAsStringAsync());
        await using var db = await _factory.Db.OpenAsync(default);
        var row = await db.QuerySingleAsync<(string By, string Note, string Status)>(
            "SELECT review_resolved_by, review_note, status FROM payments WHERE id = @paymentId", new { paymentId });
        Assert.Equal((OpsBrowser.Operator, "Checked with Safaricom: not paid.", "NEEDS_REVIEW"), row);
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM payments WHERE review_resolved_at IS NOT NULL"));
        Assert.Equal((OpsBrowser.Operator, "Duplicate of a settled callback."),
            await db.QuerySingleAsync<(string, string)>("SELECT resolved_by, resolution_note FROM review_items"));
        Assert.Contains("Nothing needs you right now.", await _ops.GetTextAsync("/ops"));
    }

    [Fact]
    public async Task WithoutASession_EveryPageSendsToTheLogin_AndEveryActionChangesNothing()
    {
        var pending = await PendingMerchantAsync();
        var dead = await OpsBrowser.AddDeadLetterAsync(_factory, "254712345678", "hello");
        foreach (var path in new[] { "/ops", "/ops/merchants", "/ops/dead-letters", "/ops/review", "/ops/reconciliation", "/ops/payouts" })
        {
            var page = await _ops.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/ops/login", page.Headers.Location!.OriginalString);
        }

        var approve = await _ops.PostFormAsync($"/ops/merchants/{pending.Id}/approve", []);
        var retry = await _ops.PostFormAsync($"/ops/dead-letters/{dead}/retry", []);
        var payout = await _ops.PostFormAsync("/ops/payouts/1/retry", []);

        Assert.Equal(HttpStatusCode.Redirect, payout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("PENDING", await ScalarAsync<string>($"SELECT status FROM merchants WHERE id = {pending.Id}"));
        Assert.Equal("DEAD", await ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {dead}"));
    }

    [Fact]
    public async Task Actions_WithoutTheFormsToken_400AndNothingChanged()
    {
        var pending = await PendingMerchantAsync();
        var dead = await OpsBrowser.AddDeadLetterAsync(_factory, "254712345678", "hello");
        await _ops.LogInAsync();
        FormUrlEncodedContent Empty() => new(new Dictionary<string, string> { ["note"] = "x" });

        var approve = await _ops.Http.PostAsync($"/ops/merchants/{pending.Id}/approve", Empty());
        var retry = await _ops.Http.PostAsync($"/ops/dead-letters/{dead}/retry", Empty());
        var logout = await _ops.Http.PostAsync("/ops/logout", Empty());
        var stillIn = await _ops.Http.GetAsync("/ops");

        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Contains("Nothing was changed", await approve.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        Assert.Equal("PENDING", await ScalarAsync<string>($"SELECT status FROM merchants WHERE id = {pending.Id}"));
        Assert.Equal("DEAD", await ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {dead}"));
        Assert.Empty(await OutboxTextsToAsync(Registrant));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode); // a forged logout does not sign out either
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }

    [Fact]
    public async Task Reconciliation_ByDay_ListsTheDifferences_ABadDayIs400WithTheFormat()
    {
        var paymentId = await PaymentInReviewAsync();
        await _ops.LogInAsync();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3)).DateTime).ToString("yyyy-MM-dd");

        var report = await _ops.GetTextAsync("/ops/reconciliation?date=" + today);
        var bad = await _ops.Http.GetAsync("/ops/reconciliation?date=yesterday");
        var quiet = await _ops.GetTextAsync("/ops/reconciliation?date=2020-01-01");

        Assert.Contains("data-kind=\"needs_review\"", report);
        Assert.Contains($"payment #{paymentId}", report);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Days look like 2026-12-01.", await bad.Content.ReadAsStringAsync());
        Assert.Contains("2020-01-01: M-PESA and the invoices agree.", quiet);
    }

    [Fact]
    public async Task OnSqlite_LogInApproveRetryResolve()
    {
        await using var sqlite = await BotFactory.CreateSqliteAsync(OpsBrowser.Settings);
        var ops = new OpsBrowser(sqlite);
        var merchants = sqlite.Services.GetRequiredService<MerchantRepository>();
        var pending = (await merchants.CreateAsync(Registrant, "Kibanda Cafe", "en", MerchantStatus.Pending, DateTimeOffset.UtcNow, default))!;
        var dead = await OpsBrowser.AddDeadLetterAsync(sqlite, "254712345678", "hello");

        var entered = await ops.LogInAsync();
        var approved = await ops.PostFormAsync($"/ops/merchants/{pending.Id}/approve", []);
        var retried = await ops.PostFormAsync($"/ops/dead-letters/{dead}/retry", []);
        var twice = await ops.PostFormAsync($"/ops/dead-letters/{dead}/retry", []);
        var overview = await ops.GetTextAsync("/ops");

        Assert.Equal("/ops", entered.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("Nothing needs you right now.", overview);
        Assert.Contains("message(s) queued, oldest waiting", overview);
    }

    private Task<Merchant> PendingMerchantAsync() =>
        _factory.Services.GetRequiredService<MerchantRepository>()
            .CreateAsync(Registrant, "Kibanda Cafe", "en", MerchantStatus.Pending, DateTimeOffset.UtcNow, default)!;

    /// <summary>An invoice of the seeded merchant with a payment M-PESA left unclear.</summary>
    private async Task<long> PaymentInReviewAsync()
    {
        using var api = _factory.ApiClient();
        var invoice = await (await api.PostAsJsonAsync("/invoices", new { msisdn = "0712345678", amount_cents = 150_000, description = "Website design" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await using var c = await _factory.Db.OpenAsync(default);
        var now = DateTimeOffset.UtcNow;
        return await c.ExecuteScalarAsync<long>("""
            INSERT INTO payments (invoice_id, method, status, amount_cents, idempotency_key, result_desc, created_at, updated_at)
            VALUES (@invoice, 'STK', 'NEEDS_REVIEW', 150000, @key, 'no final answer before the review deadline', @now, @now) RETURNING id
            """, new { invoice = invoice.GetProperty("id").GetString(), key = Guid.NewGuid().ToString("N"), now });
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = await _factory.Db.OpenAsync(default);
        return (await c.ExecuteScalarAsync<T>(sql))!;
    }

    private async Task<List<string>> OutboxTextsToAsync(string phone) =>
        (await _factory.Services.GetRequiredService<Data.Outbox.OutboxRepository>().ListAsync(default))
        .Where(o => o.Recipient == phone).Select(o => Data.Outbox.OutboxRepository.Deserialize(o.Payload).Text).ToList();
}
