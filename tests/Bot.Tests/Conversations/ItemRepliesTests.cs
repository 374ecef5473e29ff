using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class ItemRepliesTests
{
    [Fact]
    public void CustomerInvoice_ManyLongItems_StaysWithinOneWhatsAppMessageWithTheTotal()
    {
        var items = Enumerable.Range(1, 40)
            .Select(i => Data.Invoices.InvoiceItem.Of(i, new string('x', 55) + i, 999, Data.Domain.Money.FromShillings(1000))).ToList();
        var total = Data.Domain.VatBreakdown.For(Data.Domain.VatMode.Exclusive, Data.Domain.Money.FromShillings(999_000));

        var reply = InvoiceTexts.CustomerInvoice(new string('M', 60), "INV-0042", "Many", total, items, new DateOnly(2026, 3, 12), "inv_1", Language.Swahili);

        Assert.True(reply.Text.Length <= 1024, $"{reply.Text.Length} characters");
        Assert.Contains("bidhaa", reply.Text);
        Assert.Contains("Kiasi: KES 1,158,840", reply.Text);
    }
}
