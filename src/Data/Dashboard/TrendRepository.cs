using InvoiceFirst.Data.Invoices;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Data.Dashboard;

/// <summary>Money received on one Nairobi calendar day.</summary>
public sealed record DayCollected(DateOnly Day, long Cents);

/// <summary>How many of a merchant's invoices are in one status.</summary>
public sealed record StatusCount
{
    public required InvoiceStatus Status { get; init; }
    public long Count { get; init; }
}

/// <summary>
/// The overview's figures over a span of days: money received per day (by when the payment settled, not when the
/// invoice was made), invoices by status, and how long customers took to pay. Each one statement, scoped by merchant.
/// </summary>
public sealed class TrendRepository(Db db)
{
    private const long NairobiSeconds = 3 * 3600;

    /// <summary>Every day from <paramref name="firstDay"/> to <paramref name="lastDay"/>, days without money as 0.</summary>
    public async Task<IReadOnlyList<DayCollected>> CollectedByDayAsync(long merchantId, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        // A day is counted as whole seconds since the epoch in Nairobi time, divided by a day: the same in both dialects.
        var epochSeconds = db.IsPostgres ? "CAST(floor(extract(epoch from p.settled_at)) AS bigint)" : "CAST(strftime('%s', p.settled_at) AS integer)";
        var sql = $"""
            SELECT ({epochSeconds} + {NairobiSeconds}) / 86400 AS day_number, CAST(SUM(p.amount_cents) AS bigint) AS cents
            FROM payments p JOIN invoices i ON i.id = p.invoice_id
            WHERE i.merchant_id = @merchantId AND p.status = 'SUCCESS' AND p.settled_at >= @from AND p.settled_at < @to
            GROUP BY 1
            """;
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), NairobiTime.Offset);
        var to = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), NairobiTime.Offset);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long DayNumber, long Cents)>(
            new CommandDefinition(sql, new { merchantId, from, to }, cancellationToken: ct));
        var byDay = rows.ToDictionary(r => DateOnly.FromDayNumber((int)(r.DayNumber + DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)), r => r.Cents);
        var days = new List<DayCollected>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            days.Add(new DayCollected(day, byDay.GetValueOrDefault(day)));
        return days;
    }

    /// <summary>The merchant's invoices made since <paramref name="from"/>, counted by status, most first.</summary>
    public async Task<IReadOnlyList<StatusCount>> ByStatusAsync(long merchantId, DateTimeOffset from, CancellationToken ct)
    {
        const string sql = """
            SELECT status, COUNT(*) AS count FROM invoices
            WHERE merchant_id = @merchantId AND created_at >= @from
            GROUP BY status ORDER BY COUNT(*) DESC, status
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<StatusCount>(new CommandDefinition(sql, new { merchantId, from }, cancellationToken: ct))).AsList();
    }

    /// <summary>The median time from sending to paid in full of invoices paid since <paramref name="from"/>; null when none was.</summary>
    public async Task<TimeSpan?> MedianTimeToPayAsync(long merchantId, DateTimeOffset from, CancellationToken ct)
    {
        const string sql = """
            SELECT sent_at, paid_at FROM invoices
            WHERE merchant_id = @merchantId AND status = 'PAID' AND paid_at >= @from AND sent_at IS NOT NULL
            """;
        await using var connection = await db.OpenAsync(ct);
        var spans = (await connection.QueryAsync<Stats.SentToPaid>(new CommandDefinition(sql, new { merchantId, from }, cancellationToken: ct)))
            .Select(r => r.PaidAt - r.SentAt).Order().ToArray();
        if (spans.Length == 0) return null;
        var middle = spans.Length / 2;
        return spans.Length % 2 == 1 ? spans[middle] : spans[middle - 1] + (spans[middle] - spans[middle - 1]) / 2;
    }
}
