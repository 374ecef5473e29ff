using System.Text.Json;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>Transaction Status result bodies shaped like Daraja's (spec 4.7): numbers where Daraja sends numbers.</summary>
public static class FakeDarajaResults
{
    public static string Completed(string receipt, decimal amount, string creditShortCode = "174379", string status = "Completed") =>
        JsonSerializer.Serialize(new
        {
            Result = new
            {
                ResultType = 0,
                ResultCode = 0,
                ResultDesc = "The service request is processed successfully.",
                OriginatorConversationID = "9f6c92024b39880271",
                ConversationID = "AG_20240702_20303738b089a9fb5233",
                TransactionID = "SG20000000",
                ResultParameters = new
                {
                    ResultParameter = new object[]
                    {
                        new { Key = "DebitPartyName", Value = "2547******126 - NICHOLAS" },
                        new { Key = "CreditPartyName", Value = $"{creditShortCode} - ACME DESIGNS" },
                        new { Key = "OriginatorConversationID", Value = "9f6c92024b39880271" },
                        new { Key = "InitiatedTime", Value = (object)20231121121325 },
                        new { Key = "CreditPartyCharges" },
                        new { Key = "DebitAccountType", Value = "MMF Account For Customer" },
                        new { Key = "TransactionReason" },
                        new { Key = "ReasonType", Value = "Pay Bill Online" },
                        new { Key = "TransactionStatus", Value = status },
                        new { Key = "FinalisedTime", Value = (object)20231121121326 },
                        new { Key = "Amount", Value = (object)amount },
                        new { Key = "ConversationID", Value = "AG_20231121_2040165691b903e92930" },
                        new { Key = "ReceiptNo", Value = receipt },
                    },
                },
                ReferenceData = new { ReferenceItem = new { Key = "Occasion", Value = "OK" } },
            },
        });

    /// <summary>A non-zero result: M-PESA has no such transaction for us.</summary>
    public static string NotFound(string receipt) => JsonSerializer.Serialize(new
    {
        Result = new
        {
            ResultType = 0,
            ResultCode = "R000001",
            ResultDesc = "The transaction does not exist",
            OriginatorConversationID = "41ee-4e5a-ac1d-f88e26237e3b6251",
            ConversationID = "AG_20251106_010010281a6ti4fj86cj",
            TransactionID = receipt,
            ReferenceData = new { ReferenceItem = new { Key = "Occasion" } },
        },
    });
}
