using System.Text.Json;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>
/// <c>PUT /merchants/{id}/limits</c>: the operator sets a merchant's own daily limits. The body is read by hand so that a
/// field left out (unchanged) differs from a null one (back to the default) and a wrong value gets a message that says why.
/// </summary>
public static class MerchantLimitEndpoints
{
    public const int MaxDailyInvoices = 100_000, MaxDailySms = 100_000;
    private const string InvoiceField = "daily_invoice_limit", SmsField = "daily_sms_cap";

    public static async Task<IResult> SetAsync(long id, HttpRequest http, MerchantRepository merchants, MerchantLimits limits, TimeProvider clock,
        CancellationToken ct)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Invalid("body", $"Must be a JSON object such as {{\"{InvoiceField}\": 50, \"{SmsField}\": 100}}.");
        }
        if (body.ValueKind != JsonValueKind.Object)
            return Invalid("body", $"Must be a JSON object such as {{\"{InvoiceField}\": 50, \"{SmsField}\": 100}}.");

        var errors = new Dictionary<string, string[]>();
        foreach (var property in body.EnumerateObject().Where(p => p.Name is not (InvoiceField or SmsField)))
            errors[property.Name] = [$"Unknown field: the limits are {InvoiceField} and {SmsField}."];
        var invoices = Read(body, InvoiceField, min: 1, MaxDailyInvoices,
            "null returns to Merchants:DailyInvoiceLimit; to stop a merchant's invoices, suspend it", errors);
        var sms = Read(body, SmsField, min: 0, MaxDailySms, "0 sends this merchant's messages by WhatsApp only; null returns to Sms:DailyCapPerMerchant", errors);
        if (errors.Count == 0 && invoices is null && sms is null)
            errors["body"] = [$"Name {InvoiceField}, {SmsField} or both (null returns one to the default)."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        return await merchants.SetLimitsAsync(id, invoices, sms, clock.GetUtcNow(), ct) is { } merchant
            ? Results.Ok(MerchantView.From(merchant, limits))
            : Results.Problem(statusCode: 404, title: "No such merchant");
    }

    /// <summary>The change one field asks for: null when the field is left out (or wrong, with the reason in <paramref name="errors"/>).</summary>
    private static LimitOverride? Read(JsonElement body, string field, int min, int max, string hint, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(field, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Null) return new LimitOverride(null);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= min && n <= max) return new LimitOverride((int)n);
        errors[field] = [value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _)
            ? $"Must be from {min} to {max} per day ({hint})."
            : $"Must be a whole number from {min} to {max}, or null ({hint})."];
        return null;
    }

    private static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
