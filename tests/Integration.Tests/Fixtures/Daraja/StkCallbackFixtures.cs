using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Integration.Tests.Fixtures.Daraja;

/// <summary>
/// STK callback bodies in the shapes real integrations receive. <c>{checkout}</c>, <c>{amount}</c> and <c>{receipt}</c>
/// are filled in per test; each entry names where the shape was seen and what the bot must do.
/// </summary>
public static class StkCallbackFixtures
{
    public sealed record Fixture(string Name, string Source, string Body, PaymentStatus Status, PaymentFailureKind? Kind = null, bool TryAgain = true,
        string? QueryAnswer = null)
    {
        public override string ToString() => Name;
    }

    public static string Fill(string body, string checkout, long amount, string receipt) =>
        body.Replace("{checkout}", checkout).Replace("{amount}", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{receipt}", receipt);

    /// <summary>A callback naming only the checkout: authenticated by its URL, readable by nobody.</summary>
    public const string Malformed = """{"Body":{"stkCallback":{"CheckoutRequestID":"{checkout}"}}}""";

    private static string Failure(object code, string desc, string merchantRequest = "20258-14734914-1") =>
        """{"Body":{"stkCallback":{"MerchantRequestID":"MR","CheckoutRequestID":"{checkout}","ResultCode":CODE,"ResultDesc":"DESC"}}}"""
            .Replace("MR", merchantRequest).Replace("CODE", code.ToString()).Replace("DESC", desc);

    public static readonly Fixture[] All =
    [
        new("success, spec sample", "Daraja docs, M-PESA Express callback sample (spec 4.4)",
            """
            {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"{checkout}","ResultCode":0,
             "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":{amount}.00},
             {"Name":"MpesaReceiptNumber","Value":"{receipt}"},{"Name":"TransactionDate","Value":20191219102115},
             {"Name":"PhoneNumber","Value":254708374149}]}}}}
            """, PaymentStatus.Success),
        new("success with a valueless Balance item", "older Daraja docs sample, kept by many SDK fixtures",
            """
            {"Body":{"stkCallback":{"MerchantRequestID":"21605-295434-4","CheckoutRequestID":"{checkout}","ResultCode":0,
             "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":{amount}},
             {"Name":"MpesaReceiptNumber","Value":"{receipt}"},{"Name":"Balance"},{"Name":"TransactionDate","Value":20171104184944},
             {"Name":"PhoneNumber","Value":254727894083}]}}}}
            """, PaymentStatus.Success),
        new("success with string code and string values, items reordered", "simulators and aggregators that re-serialize Daraja's body (issue 22)",
            """
            {"Body":{"stkCallback":{"MerchantRequestID":"f1e2-4b95-a71d","CheckoutRequestID":"{checkout}","ResultCode":"0",
             "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"PhoneNumber","Value":"254712345678"},
             {"Name":"MpesaReceiptNumber","Value":"{receipt}"},{"Name":"Amount","Value":"{amount}"},{"Name":"TransactionDate","Value":"20240314101501"}]}}}}
            """, PaymentStatus.Success),
        new("1032 cancelled", "Daraja callback when the customer dismisses the prompt (spec 4.5)",
            Failure(1032, "Request cancelled by user"), PaymentStatus.Cancelled, PaymentFailureKind.Cancelled),
        new("1032 with the older [STK_CB] prefix", "older Daraja sandbox text (spec 4.6)",
            Failure(1032, "[STK_CB - ]Request cancelled by user"), PaymentStatus.Cancelled, PaymentFailureKind.Cancelled),
        new("1031 cancelled", "issue 22 reproduction: older sandboxes answer a dismissed prompt with 1031",
            Failure(1031, "Request cancelled by user"), PaymentStatus.Cancelled, PaymentFailureKind.Cancelled),
        new("1036 SMSC ACK timeout", "public WordPress M-PESA plugin, callback logged in its comments",
            Failure(1036, "[STK_CB - ]SMSC ACK timeout.", "20258-14734914-1"), PaymentStatus.Failed, PaymentFailureKind.NoAnswer),
        new("1037 DS timeout", "Daraja result code table (spec 4.5)",
            Failure(1037, "DS timeout user cannot be reached"), PaymentStatus.Failed, PaymentFailureKind.NoAnswer),
        new("1037 no response", "callback text observed in the Daraja sandbox (spec 4.5)",
            Failure(1037, "No response from user."), PaymentStatus.Failed, PaymentFailureKind.NoAnswer),
        new("1 insufficient balance", "public PHP integration's dump of failed callbacks",
            Failure(1, "[MpesaCB - ]The balance is insufficient for the transaction."), PaymentStatus.Failed, PaymentFailureKind.InsufficientFunds),
        new("2001 wrong PIN", "public PHP integration's dump of failed callbacks",
            Failure(2001, "[MpesaCB - ]The initiator information is invalid."), PaymentStatus.Failed, PaymentFailureKind.WrongPin),
        new("1019 expired", "Daraja result code table (spec 4.5)",
            Failure(1019, "Transaction has expired"), PaymentStatus.Failed, PaymentFailureKind.Expired),
        new("1025 push error", "Daraja result code table (spec 4.5)",
            Failure(1025, "An error occurred while sending a push request"), PaymentStatus.Failed, PaymentFailureKind.Transient),
        new("1001 subscriber locked", "result-code lists in public Daraja SDKs",
            Failure(1001, "Unable to lock subscriber, a transaction is already in process for the current subscriber"),
            PaymentStatus.Failed, PaymentFailureKind.SubscriberBusy),
        new("17 rule limited", "Daraja result code table (spec 4.5)",
            Failure(17, "Rule limited."), PaymentStatus.Failed, PaymentFailureKind.RepeatTooSoon),
        new("26 system busy", "other M-PESA APIs' code, seen on STK in community lists (spec 4.5)",
            Failure(26, "System busy"), PaymentStatus.Failed, PaymentFailureKind.Transient),
        new("9999 push error", "community result-code lists (spec 4.5)",
            Failure(9999, "An error occurred while sending a push request"), PaymentStatus.Failed, PaymentFailureKind.Transient),
        new("2028 not permitted", "Daraja result code table: a Till pushed as a Paybill (spec 4.5)",
            Failure(2028, "The request is not permitted according to product assignment"), PaymentStatus.Failed, PaymentFailureKind.Configuration,
            TryAgain: false),
        new("SFC_IC0003 non-numeric code", "Daraja result code table (spec 4.5): a string code",
            Failure("\"SFC_IC0003\"", "The operator does not exist"), PaymentStatus.Failed, PaymentFailureKind.Configuration, TryAgain: false),
        new("8006 PIN locked", "Daraja result code table (spec 4.5)",
            Failure(8006, "The security credential is locked"), PaymentStatus.Failed, PaymentFailureKind.PinLocked, TryAgain: false),
        new("unknown code, query says cancelled", "a code in no table: the query decides (issue 22)",
            Failure(1050, "Unexpected result"), PaymentStatus.Cancelled, PaymentFailureKind.Cancelled, QueryAnswer: "1032"),
        new("unknown code, query says paid", "a code in no table: the query decides (issue 22)",
            Failure(1050, "Unexpected result"), PaymentStatus.Success, QueryAnswer: "0"),
    ];
}
