namespace InvoiceFirst.Bot.Conversations;

/// <summary>Where a page of a counted list starts: page 1 is items 1-10.</summary>
public readonly record struct Paging(int Page, long Total)
{
    public const int PageSize = 10;

    public int Offset => (Page - 1) * PageSize;

    public long First => Offset + 1;

    public long Pages => (Total + PageSize - 1) / PageSize;

    public long Last(int shown) => Offset + shown;
}
