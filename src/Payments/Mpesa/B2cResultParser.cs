using System.Text.Json;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Reads a B2C result leniently: codes and values as strings or numbers, parameters as a list or one object. Null
/// when the body is not a result.
/// </summary>
public static class B2cResultParser
{
    public static B2cResult? Parse(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Result", out var result) || result.ValueKind != JsonValueKind.Object)
                return null;
            var code = DarajaJson.Text(result, "ResultCode");
            if (string.IsNullOrWhiteSpace(code)) return null;
            var receipt = Parameter(result, "TransactionReceipt");
            return new B2cResult(code, DarajaJson.Text(result, "ResultDesc") ?? "", DarajaJson.Text(result, "OriginatorConversationID"),
                DarajaJson.Text(result, "ConversationID"), string.IsNullOrWhiteSpace(receipt) ? null : receipt);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Parameter(JsonElement result, string key)
    {
        if (!result.TryGetProperty("ResultParameters", out var holder) || holder.ValueKind != JsonValueKind.Object
            || !holder.TryGetProperty("ResultParameter", out var list))
            return null;
        var items = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().ToList(),
            JsonValueKind.Object => [list],
            _ => [],
        };
        return items.Where(i => i.ValueKind == JsonValueKind.Object && DarajaJson.Text(i, "Key") == key)
            .Select(i => DarajaJson.Text(i, "Value")).FirstOrDefault(v => v is not null);
    }
}
