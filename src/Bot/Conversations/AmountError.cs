namespace InvoiceFirst.Bot.Conversations;

public enum AmountError
{
    NotANumber,
    ZeroOrNegative,
    HasCents,
    Exponent,
    TooLarge,
}
