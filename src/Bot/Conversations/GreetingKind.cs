namespace InvoiceFirst.Bot.Conversations;

public enum GreetingKind
{
    Hello,
    Thanks,
    Menu,
}
