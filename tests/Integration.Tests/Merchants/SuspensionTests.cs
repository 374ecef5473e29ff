using System.Text.Json;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// The operator pauses a merchant: their commands run no more and they are told why and whom to ask; their
/// customers can still pay what was already sent; once resumed, commands run again.
/// </summary>
public sealed class SuspensionTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private WhatsAppSender _whatsApp = null!;
    private Chat.MerchantChatDriver _merchant = null!;
    private HttpClient _operator = null!;
    private long _merchantId;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Merchants:ContactText"] = "0700 123 456" });
        _whatsApp = new WhatsAppSender(_factory);
        _merchant = new Chat.MerchantChatDriver(_factory);
        _operator = _factory.ApiClient();
        _merchantId = (await _operator.GetFromJsonAsync<JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Suspended_CommandDoesNothingAndSaysWhyThenResumedItRuns()
    {
        await _operator.PostAsync($"/merchants/{_merchantId}/suspend", null);
        var paused = await _merchant.SayAsync("invoice 0712345678 1500 Website design");
        var invoicesWhilePaused = await CountAsync("SELECT count(*) FROM invoices");
        await _operator.PostAsync($"/merchants/{_merchantId}/resume", null);
        await _merchant.SayAsync("invoice 0712345678 1500 Website design");

        Assert.Contains("paused", paused);
        Assert.Contains("0700 123 456", paused);
        Assert.Equal(0, invoicesWhilePaused);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task Suspended_CustomerCanStillPayAnInvoiceSentBefore()
    {
        await _merchant.SayAsync("invoice 0712345678 1500 Website design");
        await _operator.PostAsync($"/merchants/{_merchantId}/suspend", null);

        await _whatsApp.TextAsync("254712345678", "PAY");
        await _whatsApp.DrainAsync();

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM payments"));
    }

    [Fact]
    public async Task Suspended_InSwahili_ToldInSwahili()
    {
        await _merchant.SayAsync("lugha sw");
        await _operator.PostAsync($"/merchants/{_merchantId}/suspend", null);

        var paused = await _merchant.SayAsync("orodha");

        Assert.Contains("imesimamishwa", paused);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var c = await _factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>(sql);
    }
}
