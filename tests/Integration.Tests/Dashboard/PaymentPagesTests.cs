using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Invoices;
using System.Text.Json;
using System.Text.RegularExpressions;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;

namespace InvoiceFirst.Integration.Tests.Dashboard;

/// <summary>The overview's figures and the payments page, from money that really came in through the fake Daraja.</summary>
public sealed class PaymentPagesTests
{
    [Theory]
    [InlineData(Dialect.Postgres)]
    [InlineData(Dialect.Sqlite)]
    public async Task Overview_TodaysBarStatusCountsAndMedianTimeToPay_ComeFromThePayments(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        var first = await h.CreateInvoiceAsync(1500);
        var second = await h.CreateInvoiceAsync(800, "254722000111");
        await h.CreateInvoiceAsync(300, "254733000222");
        await h.PayByPaybillAsync("RKL51ZDR4A", first.PaymentReference, 1500);
        await h.PayByPaybillAsync("RKL51ZDR4B", second.PaymentReference, 800);
        // The customers read the invoice 90 and 30 minutes before paying: the median is the hour between.
        await SentBeforePaidAsync(h, await h.UntilInvoiceAsync(first.Id, i => i.Status == InvoiceStatus.Paid), TimeSpan.FromMinutes(90));
        await SentBeforePaidAsync(h, await h.UntilInvoiceAsync(second.Id, i => i.Status == InvoiceStatus.Paid), TimeSpan.FromMinutes(30));
        var browser = new DashboardBrowser(h.Factory);
        await browser.LogInAsync(BotFactory.MerchantPhone);

        var page = WebUtility.HtmlDecode(await browser.GetTextAsync("/app"));
        var today = Data.Time.NairobiTime.Date(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bars = Regex.Matches(page, @"data-day=""([\d-]+)"" data-cents=""(\d+)""").ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));

        Assert.Equal(30, bars.Count);
        Assert.Equal(230_000, bars[today]);
        Assert.Equal(230_000, bars.Values.Sum());
        Assert.Contains("Last 30 days: <b>KES 2,300</b>", page);
        Assert.Matches(@"data-status=""paid""><a[^>]*>paid</a> <b>2</b>", page);
        Assert.Matches(@"data-status=""(pending|sent)""><a[^>]*>[^<]+</a> <b>1</b>", page);
        Assert.Contains("Median time to pay: <b>1 h 0 min</b>", page);
    }

    [Fact]
    public async Task UnmatchedPaybillMoney_ListedForTheOwner_StaffCannotApplyIt_TheOwnerAppliesItOnce()
    {
        await using var h = await PaymentHarness.StartAsync();
        var invoice = await h.CreateInvoiceAsync(500);
        await new Chat.MerchantChatDriver(h.Factory).SayAsync("staff add 0711222333 Otieno");
        await h.PayByPaybillAsync("RKL51ZDR4G", "SOMETHING", 500);
        var payment = await PaymentHarness.UntilAsync(async () => (await h.PaymentsAsync()).SingleOrDefault(p => p.Method == PaymentMethod.C2b));
        var owner = new DashboardBrowser(h.Factory);
        await owner.LogInAsync(BotFactory.MerchantPhone);
        var staff = new DashboardBrowser(h.Factory);
        await staff.LogInAsync("254711222333");

        var overview = WebUtility.HtmlDecode(await owner.GetTextAsync("/app"));
        var listed = WebUtility.HtmlDecode(await owner.GetTextAsync("/app/payments?unapplied=1"));
        var staffSees = await staff.GetTextAsync("/app/payments?unapplied=1");
        var exported = await owner.GetTextAsync("/app/export/payments.csv");
        var staffTries = await staff.PostFormAsync($"/app/payments/{payment.Id}/apply", new() { ["invoice"] = invoice.Number });
        var unknown = WebUtility.HtmlDecode(await (await owner.PostFormAsync($"/app/payments/{payment.Id}/apply", new() { ["invoice"] = "INV-0999" })).Content.ReadAsStringAsync());
        var applied = await owner.PostFormAsync($"/app/payments/{payment.Id}/apply", new() { ["invoice"] = "inv-1" });
        var again = await owner.PostFormAsync($"/app/payments/{payment.Id}/apply", new() { ["invoice"] = invoice.Number });
        var paid = await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        var afterwards = WebUtility.HtmlDecode(await owner.GetTextAsync("/app/payments"));

        Assert.Contains("1 Paybill payment(s) matched no invoice", overview);
        Assert.Contains("NICHOLAS, typed \"SOMETHING\"", listed);
        Assert.Contains("RKL51ZDR4G", exported); // held money is in the export too, on no invoice yet
        Assert.Contains($"action=\"/app/payments/{payment.Id}/apply\"", listed);
        Assert.Contains($"data-payment=\"{payment.Id}\"", staffSees);
        Assert.DoesNotContain("/apply\"", staffSees);
        Assert.Equal(HttpStatusCode.Forbidden, staffTries.StatusCode);
        Assert.Contains("There is no invoice INV-0999", unknown);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("KES 500 is now on INV-0001.", WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(50_000, paid.AmountPaidCents);
        Assert.Contains("applied by 0700000001", afterwards);
        Assert.Single(await h.OutboxAsync(), o => o.InvoiceId == invoice.Id && o.Purpose == OutboxPurpose.Receipt && o.Recipient == PaymentHarness.Customer);
        await using var c = await h.Factory.Db.OpenAsync(default);
        Assert.Equal(BotFactory.MerchantPhone, await Dapper.SqlMapper.ExecuteScalarAsync<string>(c, $"SELECT applied_by FROM payments WHERE id = {payment.Id}"));
    }

    [Fact]
    public async Task MoneyTypedWithAnotherMerchantsCode_IsHeldForThem_AndTheirPaymentIsA404Here()
    {
        await using var h = await PaymentHarness.StartAsync();
        var other = await (await h.Api.PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = other.GetProperty("code").GetString()!;
        await h.PayByPaybillAsync("RKL51ZDR4H", $"{code.ToLowerInvariant()} 77", 700);
        var payment = await PaymentHarness.UntilAsync(async () => (await h.PaymentsAsync()).SingleOrDefault(p => p.Method == PaymentMethod.C2b));
        var notice = await PaymentHarness.UntilAsync(async () => (await h.OutboxAsync()).SingleOrDefault(o => o.DedupeKey == "c2b:unapplied:RKL51ZDR4H"));
        var me = new DashboardBrowser(h.Factory);
        await me.LogInAsync(BotFactory.MerchantPhone);
        var them = new DashboardBrowser(h.Factory);
        await them.LogInAsync("254722000999");

        var mine = await me.GetTextAsync("/app/payments");
        var theirs = await them.GetTextAsync("/app/payments?unapplied=1");
        var reach = await me.PostFormAsync($"/app/payments/{payment.Id}/apply", new() { ["invoice"] = "INV-0001" });
        var houseId = (await h.Factory.Services.GetRequiredService<Data.Merchants.MerchantRepository>().FindByPhoneAsync(BotFactory.MerchantPhone, default))!.Id;
        var theirReport = await h.Factory.ClientWithKey(await h.Factory.NewMerchantKeyAsync(other.GetProperty("id").GetInt64())).GetStringAsync("/reconciliation");
        var myReport = await h.Factory.ClientWithKey(await h.Factory.NewMerchantKeyAsync(houseId)).GetStringAsync("/reconciliation");

        Assert.Equal("254722000999", notice.Recipient);
        Assert.DoesNotContain($"data-payment=\"{payment.Id}\"", mine);
        Assert.Contains($"data-payment=\"{payment.Id}\"", theirs);
        Assert.Equal(HttpStatusCode.NotFound, reach.StatusCode);
        Assert.Contains("RKL51ZDR4H", theirReport); // reconciliation counts held money for the merchant it is held for
        Assert.DoesNotContain("RKL51ZDR4H", myReport);
    }

    private static async Task SentBeforePaidAsync(PaymentHarness h, Data.Invoices.Invoice paid, TimeSpan before)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE invoices SET sent_at = @sent WHERE id = @id", new { sent = paid.PaidAt!.Value - before, id = paid.Id });
    }
}
