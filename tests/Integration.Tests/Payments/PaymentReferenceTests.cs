using System.Text.Json;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>
/// Two merchants on one deployment both have an INV-0001. A Paybill payment lands on the invoice whose payment
/// reference (merchant code + number) the customer typed, however typed; the bare number, which two merchants
/// share, is never guessed.
/// </summary>
public sealed class PaymentReferenceTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;
    private HttpClient _operator = null!;
    private long _otherId;

    public async Task InitializeAsync()
    {
        _h = await PaymentHarness.StartAsync();
        _operator = _h.Factory.ApiClient();
        var other = await _operator.PostAsJsonAsync("/merchants", new { phone = "0722000111", name = "Duka La Pili" });
        _otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("{0}")]
    [InlineData(" {0} ")]
    [InlineData("lower")]
    [InlineData("nohyphen")]
    public async Task Paybill_WithTheOtherMerchantsReference_PaysThatInvoiceOnly(string typed)
    {
        var seeded = await _h.CreateInvoiceAsync(1500);
        var other = await CreateForOtherAsync(1500);
        var account = typed switch
        {
            "lower" => other.PaymentRef!.ToLowerInvariant(),
            "nohyphen" => other.PaymentRef!.Replace("-", " "),
            _ => string.Format(typed, other.PaymentRef),
        };

        await _h.PayByPaybillAsync("RKL51ZDR4F", account, 1500);
        var paid = await _h.UntilInvoiceAsync(other.Id, i => i.Status == InvoiceStatus.Paid);

        Assert.Equal(("INV-0001", "INV-0001"), (seeded.Number, other.Number));
        Assert.NotEqual(seeded.PaymentRef, other.PaymentRef);
        Assert.Equal(150000, paid.AmountPaidCents);
        Assert.Equal(0, (await _h.InvoiceAsync(seeded.Id))!.AmountPaidCents);
    }

    [Fact]
    public async Task Paybill_WithTheNumberTwoMerchantsShare_UnappliedNeitherInvoiceTouched()
    {
        var seeded = await _h.CreateInvoiceAsync(1500);
        var other = await CreateForOtherAsync(1500);

        await _h.PayByPaybillAsync("RKL51ZDR4G", "INV-0001", 1500);
        var payment = await PaymentHarness.UntilAsync(async () => (await _h.PaymentsAsync()).SingleOrDefault());

        Assert.Null(payment.InvoiceId);
        Assert.Equal(0, (await _h.InvoiceAsync(seeded.Id))!.AmountPaidCents);
        Assert.Equal(0, (await _h.InvoiceAsync(other.Id))!.AmountPaidCents);
    }

    [Fact]
    public async Task Invoice_ToldToTheCustomer_NamesItsReferenceAsThePaybillAccount()
    {
        var other = await CreateForOtherAsync(1500);

        var sms = (await _h.OutboxAsync()).Single(o => o.InvoiceId == other.Id && o.Recipient == "254733000222");
        var text = Data.Outbox.OutboxRepository.Deserialize(sms.Payload).SmsText;

        Assert.Contains($"Account {other.PaymentRef}", text);
    }

    private async Task<Invoice> CreateForOtherAsync(long shillings)
    {
        var response = await _operator.PostAsJsonAsync($"/invoices?merchant_id={_otherId}",
            new { msisdn = "0733000222", amount_cents = shillings * 100, description = "Website design" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (await _h.InvoiceAsync(id))!;
    }
}
