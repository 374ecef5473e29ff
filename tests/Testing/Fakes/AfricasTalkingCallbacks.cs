using System.Globalization;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// What Africa's Talking posts to the bot (spec 3.2, 3.3): form fields of an inbound SMS and of a delivery
/// report, and the tokenized URLs they go to, as registered in the AT dashboard.
/// </summary>
public static class AfricasTalkingCallbacks
{
    /// <summary>The <c>AfricasTalking:CallbackToken</c> every test host is configured with.</summary>
    public const string Token = "test-at-callback-token-6f1d0c2b9a8e7d5c4b3a";

    public static string InboundPath(string token = Token) => "/sms/inbound/" + token;

    public static string StatusPath(string token = Token) => "/sms/status/" + token;

    public static Dictionary<string, string> Inbound(string from, string text, string to = "40404") => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["from"] = from.StartsWith('+') ? from : "+" + from,
        ["to"] = to,
        ["text"] = text,
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["linkId"] = "SampleLinkId123",
        ["networkCode"] = "63902",
    };

    public static Dictionary<string, string> DeliveryReport(string messageId, string status, string phoneNumber, string? failureReason = null)
    {
        var form = new Dictionary<string, string>
        {
            ["id"] = messageId,
            ["status"] = status,
            ["phoneNumber"] = phoneNumber.StartsWith('+') ? phoneNumber : "+" + phoneNumber,
            ["networkCode"] = "63902",
        };
        if (failureReason is not null) form["failureReason"] = failureReason;
        return form;
    }
}
