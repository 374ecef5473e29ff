namespace InvoiceFirst.Bot.Conversations;

public readonly record struct AmountParseResult(long Shillings, AmountError? Error)
{
    public bool IsSuccess => Error is null;

    public static AmountParseResult Ok(long shillings) => new(shillings, null);

    public static AmountParseResult Fail(AmountError error) => new(0, error);
}
