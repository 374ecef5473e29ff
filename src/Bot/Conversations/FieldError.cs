namespace InvoiceFirst.Bot.Conversations;

public enum FieldError
{
    TooShort,
    TooLong,
}
