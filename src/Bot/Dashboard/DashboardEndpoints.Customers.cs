using InvoiceFirst.Data.Dashboard;
using InvoiceFirst.Data.Invoices;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>The customers page (who owes what, most first) and one customer's invoices.</summary>
public static partial class DashboardEndpoints
{
    private const int CustomerInvoicesShown = 100;

    private static async Task<IResult> CustomersAsync(HttpContext http, LoginCodes members, string? q, int? offset, CustomerAccounts customers,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        var text = q is { Length: > 60 } ? q[..60] : q;
        var at = Math.Max(0, offset ?? 0);
        var (rows, total) = await customers.ListAsync(user.Merchant.Id, text, at, PageSize, ct);
        var (newer, older) = PageLinks("/app/customers", [("q", text)], at, rows.Count, total);
        return SignedIn<CustomersView>(http, antiforgery, user, StatusCodes.Status200OK, new()
        {
            [nameof(CustomersView.Rows)] = rows,
            [nameof(CustomersView.Query)] = text,
            [nameof(CustomersView.Total)] = total,
            [nameof(CustomersView.Offset)] = at,
            [nameof(CustomersView.NewerHref)] = newer,
            [nameof(CustomersView.OlderHref)] = older,
        });
    }

    private static async Task<IResult> CustomerAsync(HttpContext http, LoginCodes members, long id, CustomerAccounts customers,
        InvoiceRepository invoices, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        // Looked up under this merchant only: another merchant's customer is the same 404 as a missing one.
        if (await customers.GetAsync(user.Merchant.Id, id, ct) is not { } customer) return NotFound(http, antiforgery, user);
        return SignedIn<CustomerView>(http, antiforgery, user, StatusCodes.Status200OK, new()
        {
            [nameof(CustomerView.Customer)] = customer,
            [nameof(CustomerView.Invoices)] = await invoices.ListAsync(user.Merchant.Id, null, customer.Msisdn, CustomerInvoicesShown, ct),
        });
    }
}
