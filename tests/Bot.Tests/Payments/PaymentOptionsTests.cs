using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Tests.Payments;

public sealed class PaymentOptionsTests
{
    [Fact]
    public void NextQueryDelay_DefaultsByAttempts_DoublesFromQueryAfterUpTo600Seconds()
    {
        var options = new PaymentOptions();

        var delays = new[] { 0, 1, 2, 3, 16, 1_000 }.Select(a => options.NextQueryDelay(a).TotalSeconds);

        Assert.Equal([90, 180, 360, 600, 600, 600], delays);
    }
}
