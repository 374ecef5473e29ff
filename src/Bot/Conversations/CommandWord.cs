namespace InvoiceFirst.Bot.Conversations;

public enum CommandWord
{
    Invoice,
    StartGuided,
    Remind,
    Cancel,
    Status,
    List,
    Help,
    Language,
    StopReminders,
    Reminders,
    Stats,
    Summary,
    Pdf,
    More,
    Customers,
    Customer,
    Staff,
    Web,
    Mpesa,
    Product,
    Vat,
    Balance,
}
