using InvoiceFirst.Data.Dashboard;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>The CSV exports of <c>/app</c>.</summary>
public static partial class DashboardEndpoints
{
    /// <summary>The invoices the invoices page would list for the same filters, all of them (up to <see cref="ExportMax"/>).</summary>
    private static async Task<IResult> ExportInvoicesAsync(HttpContext http, LoginCodes members, string? q, string? status, string? from, string? to,
        InvoiceRepository invoices, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        if (Range(from, to) is not { } range) return Results.BadRequest("Dates look like 2026-12-01.");
        var (rows, _) = await invoices.SearchAsync(user.Merchant.Id,
            new InvoiceSearch(q is { Length: <= 60 } ? q : null, StatusFilter(status), range.From, range.To, 0, ExportMax), ct);
        return Csv(http, CsvExport.Invoices(rows.Reverse()), $"invoices-{user.Merchant.Code}-{range.Label}.csv");
    }

    private static async Task<IResult> ExportPaymentsAsync(HttpContext http, LoginCodes members, string? from, string? to,
        PaymentExportRepository payments, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        if (Range(from, to) is not { } range) return Results.BadRequest("Dates look like 2026-12-01.");
        var rows = await payments.ListAsync(user.Merchant.Id, range.From, range.To, ExportMax, ct);
        return Csv(http, CsvExport.Payments(rows), $"payments-{user.Merchant.Code}-{range.Label}.csv");
    }

    private static IResult Csv(HttpContext http, string csv, string fileName)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(CsvExport.WithBom(csv), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Two optional Nairobi dates as [start of the first, start of the day after the second); null when one is not a date.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To, string Label)? Range(string? from, string? to)
    {
        var (start, startOk) = NairobiDay(from);
        var (end, endOk) = NairobiDay(to);
        if (!startOk || !endOk) return null;
        return (start, end?.AddDays(1), $"{(start is null ? "start" : from!.Trim())}-to-{(end is null ? "now" : to!.Trim())}");
    }
}
