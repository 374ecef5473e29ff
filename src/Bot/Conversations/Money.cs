using System.Globalization;

namespace InvoiceFirst.Bot.Conversations;

public static class Money
{
    public static string FormatKes(long shillings) =>
        "KES " + shillings.ToString("N0", CultureInfo.InvariantCulture);
}
