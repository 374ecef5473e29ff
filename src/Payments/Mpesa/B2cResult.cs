namespace InvoiceFirst.Payments.Mpesa;

/// <summary>What Daraja posted to a B2C ResultURL (spec 4.12): the code, and on success the receipt.</summary>
public sealed record B2cResult(string ResultCode, string ResultDesc, string? OriginatorConversationId, string? ConversationId, string? Receipt)
{
    public bool IsSuccess => ResultCode == "0";
}
