using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>A merchant's or staff member's phone in a test (the seeded merchant's unless named): says something on WhatsApp and reads what the bot answered.</summary>
internal sealed class MerchantChatDriver(BotFactory factory, string phone = BotFactory.MerchantPhone)
{
    private readonly WhatsAppSender _whatsApp = new(factory);

    /// <summary>Sends <paramref name="text"/>, waits for the turn, and returns the last message to the merchant.</summary>
    public async Task<string> SayAsync(string text)
    {
        await _whatsApp.TextAsync(phone, text);
        await _whatsApp.DrainAsync();
        return (await LastToMerchantAsync()).Text;
    }

    public async Task<string> TapAsync(string buttonId)
    {
        await _whatsApp.ButtonAsync(phone, buttonId);
        await _whatsApp.DrainAsync();
        return (await LastToMerchantAsync()).Text;
    }

    public async Task<OutboundMessage> LastToMerchantAsync() =>
        OutboxRepository.Deserialize((await OutboxAsync()).Last(o => o.Recipient == phone).Payload);

    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);

    /// <summary>Invoices as the database holds them: number, phone and name on the invoice, oldest first.</summary>
    public async Task<IReadOnlyList<(string Number, string Msisdn, string? CustomerName)>> InvoicesAsync()
    {
        await using var connection = await factory.Db.OpenAsync(default);
        return (await connection.QueryAsync<(string, string, string?)>("SELECT number, msisdn, customer_name FROM invoices ORDER BY number")).AsList();
    }

    public async Task<string?> SavedNameAsync(string msisdn)
    {
        await using var connection = await factory.Db.OpenAsync(default);
        return await connection.ExecuteScalarAsync<string?>("SELECT name FROM customers WHERE msisdn = @msisdn", new { msisdn });
    }

    /// <summary>Invoices made the way the REST API makes them (no chat, no duplicate guard).</summary>
    public async Task CreateByApiAsync(string msisdn, long shillings, string description, string? name = null)
    {
        using var api = factory.ApiClient();
        var response = await api.PostAsJsonAsync("/invoices",
            new { msisdn, amount_cents = shillings * 100, description, customer_name = name });
        response.EnsureSuccessStatusCode();
    }
}
