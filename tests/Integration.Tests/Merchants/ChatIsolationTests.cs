using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// Two merchants on one number, chatting: every command reads and changes only the merchant's own invoices and
/// saved customers, each numbering its own; a customer both invoiced sees each invoice under its own business.
/// </summary>
public sealed class ChatIsolationTests : IAsyncLifetime
{
    private const string OtherPhone = "254722000999";
    private FakeDaraja _daraja = null!;
    private BotFactory _factory = null!;
    private MerchantChatDriver _acme = null!;
    private MerchantChatDriver _duka = null!;

    public async Task InitializeAsync()
    {
        // A Daraja that accepts the push: with none listening, the push worker's "M-PESA is busy" can land after
        // "check your phone" and become the customer's last message.
        _daraja = await FakeDaraja.StartAsync();
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Mpesa:BaseUrl"] = _daraja.BaseUrl,
            ["Mpesa:ConsumerKey"] = _daraja.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = _daraja.ConsumerSecret,
        });
        using var api = _factory.ApiClient();
        (await api.PostAsJsonAsync("/merchants", new { phone = OtherPhone, name = "Duka La Pili" })).EnsureSuccessStatusCode();
        _acme = new MerchantChatDriver(_factory);
        _duka = new MerchantChatDriver(_factory, OtherPhone);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _daraja.DisposeAsync();
    }

    [Fact]
    public async Task Commands_OnTheOtherMerchantsInvoiceNumber_FindNothingAndChangeNothing()
    {
        await _acme.SayAsync("customer Jane Wanjiru 0712345678");
        await _acme.SayAsync("invoice 0712345678 1500 Website design");
        await _acme.SayAsync("invoice 0712345678 2500 Logo");
        await _duka.SayAsync("invoice 0733000222 800 Sukuma");
        var before = await SnapshotAsync();
        var toAcmesCustomer = await CountAsync("SELECT count(*) FROM outbox WHERE recipient = '254712345678'");

        var status = await _duka.SayAsync("status 2");
        var remind = await _duka.SayAsync("remind 2");
        var cancel = await _duka.SayAsync("cancel 2");
        var stop = await _duka.SayAsync("stop 2");
        var own = await _duka.SayAsync("status 1");
        var list = await _duka.SayAsync("list");
        var stats = await _duka.SayAsync("stats");
        var saved = await _duka.SayAsync("invoice jane 500 Braids");
        var customers = await _duka.SayAsync("customers");

        Assert.All([status, remind, cancel, stop], reply => Assert.Contains("can't find invoice INV-0002", reply));
        Assert.Contains("KES 800", own);
        Assert.DoesNotContain("1,500", own);
        Assert.Contains("INV-0001", list);
        Assert.DoesNotContain("INV-0002", list);
        Assert.DoesNotContain("0712345678", list);
        Assert.Contains("KES 800", stats);
        Assert.DoesNotContain("4,000", stats);
        Assert.DoesNotContain("Wanjiru", saved);
        Assert.DoesNotContain("Wanjiru", customers);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(toAcmesCustomer, await CountAsync("SELECT count(*) FROM outbox WHERE recipient = '254712345678'")); // no reminder went
    }

    [Fact]
    public async Task ACustomerBothInvoiced_PayAsksWhichWithEachBusinessName_AndAnAmbiguousNumberIsAskedAgain()
    {
        await _acme.SayAsync("invoice 0712345678 1500 Website design");
        await _duka.SayAsync("invoice 0712345678 800 Sukuma");
        var customer = new MerchantChatDriver(_factory, "254712345678");

        var which = await customer.SayAsync("PAY");
        var ambiguous = await customer.SayAsync("INV-0001");
        var picked = await customer.SayAsync("2");

        Assert.Contains("You have 2 unpaid invoices", which);
        Assert.Contains("INV-0001 Duka La Pili KES 800 (Sukuma)", which);
        Assert.Contains("INV-0001 Acme Designs KES 1,500 (Website design)", which);
        Assert.Contains("a number from 1 to 2", ambiguous);
        await using var c = await _factory.Db.OpenAsync(default);
        var paying = await c.QuerySingleAsync<(string Merchant, long Amount)>("""
            SELECT m.name, p.amount_cents FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN merchants m ON m.id = i.merchant_id
            """);
        // The push is for the invoice listed second, of the business listed with it.
        var second = which.Split('\n')[2];
        Assert.StartsWith("2. INV-0001 ", second);
        Assert.Contains(paying.Merchant, second);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"KES {paying.Amount / 100:N0}"), second);
        Assert.Contains("check your phone", picked, StringComparison.OrdinalIgnoreCase);
        await _daraja.WaitForStkPushesAsync(1, TimeSpan.FromSeconds(10));
        var push = JsonNode.Parse(Assert.Single(_daraja.StkPushes).Body)!;
        Assert.Equal((paying.Amount / 100).ToString(System.Globalization.CultureInfo.InvariantCulture), push["Amount"]!.GetValue<string>());
        Assert.Equal("254712345678", push["PhoneNumber"]!.GetValue<string>());
    }

    private async Task<string> SnapshotAsync()
    {
        await using var c = await _factory.Db.OpenAsync(default);
        var rows = await c.QueryAsync<(long, string, string, bool, long)>(
            "SELECT merchant_id, number, status, reminders_enabled, amount_cents FROM invoices ORDER BY merchant_id, number");
        return JsonSerializer.Serialize(rows.Select(r => r.ToString()));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var c = await _factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>(sql);
    }
}
