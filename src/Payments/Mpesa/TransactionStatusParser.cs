using InvoiceFirst.Data.Payments;
using System.Text.Json;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Reads a Transaction Status result. Values arrive as strings or numbers, parameters as a list
/// or a single object, some keys repeat or carry no value; null when the body is not a result.
/// </summary>
public static class TransactionStatusParser
{
    public static TransactionStatusResult? Parse(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Result", out var result) || result.ValueKind != JsonValueKind.Object)
                return null;
            var code = DarajaJson.Text(result, "ResultCode");
            if (string.IsNullOrWhiteSpace(code)) return null;
            var parameters = Parameters(result);
            return new TransactionStatusResult(code, DarajaJson.Text(result, "ResultDesc") ?? "",
                parameters.GetValueOrDefault("ReceiptNo"), parameters.GetValueOrDefault("Amount"),
                parameters.GetValueOrDefault("TransactionStatus"), parameters.GetValueOrDefault("CreditPartyName"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Parameters(JsonElement result)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!result.TryGetProperty("ResultParameters", out var holder) || holder.ValueKind != JsonValueKind.Object
            || !holder.TryGetProperty("ResultParameter", out var list))
            return found;
        var items = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().ToList(),
            JsonValueKind.Object => [list],
            _ => [],
        };
        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            // The first value of a repeated key wins (DebitPartyName appears twice in real results).
            if (DarajaJson.Text(item, "Key") is { } key && DarajaJson.Text(item, "Value") is { } value) found.TryAdd(key, value);
        }
        return found;
    }
}
