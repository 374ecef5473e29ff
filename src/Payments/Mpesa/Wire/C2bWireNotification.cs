using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// Same shape for the validation and the confirmation POST (spec 4.8). Simulators and aggregators send
// numbers where Safaricom's samples have strings: DarajaJson reads either.
internal sealed class C2bWireNotification
{
    [JsonPropertyName("TransactionType")] public string? TransactionType { get; set; }
    [JsonPropertyName("TransID")] public string? TransId { get; set; }
    [JsonPropertyName("TransTime")] public string? TransTime { get; set; }
    [JsonPropertyName("TransAmount")] public string? TransAmount { get; set; }
    [JsonPropertyName("BusinessShortCode")] public string? BusinessShortCode { get; set; }
    [JsonPropertyName("BillRefNumber")] public string? BillRefNumber { get; set; }
    [JsonPropertyName("InvoiceNumber")] public string? InvoiceNumber { get; set; }
    [JsonPropertyName("OrgAccountBalance")] public string? OrgAccountBalance { get; set; }
    [JsonPropertyName("ThirdPartyTransID")] public string? ThirdPartyTransId { get; set; }
    [JsonPropertyName("MSISDN")] public string? Msisdn { get; set; }
    [JsonPropertyName("FirstName")] public string? FirstName { get; set; }
    [JsonPropertyName("MiddleName")] public string? MiddleName { get; set; }
    [JsonPropertyName("LastName")] public string? LastName { get; set; }
}
