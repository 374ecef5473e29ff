namespace InvoiceFirst.Integration.Tests.Fixtures.Daraja;

/// <summary>
/// Paybill/Till confirmation bodies in the shapes real integrations receive. <c>{transId}</c>,
/// <c>{account}</c> and <c>{amount}</c> are filled in per test. <see cref="Fixture.Paid"/>: M-PESA has the
/// payment and the invoice ends paid; otherwise the body cannot be read and is kept for review.
/// </summary>
public static class C2bConfirmationFixtures
{
    public sealed record Fixture(string Name, string Source, string Body, bool Paid = true)
    {
        public override string ToString() => Name;
    }

    public static string Fill(string body, string transId, string account, long amount) =>
        body.Replace("{transId}", transId).Replace("{account}", account).Replace("{amount}", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static readonly Fixture[] All =
    [
        new("spec sample, all strings", "Daraja C2B docs sample (spec 4.8)",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20231121121325","TransAmount":"{amount}.00",
             "BusinessShortCode":"174379","BillRefNumber":"{account}","InvoiceNumber":"","OrgAccountBalance":"25.00",
             "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """),
        new("OrgAccountBalance as a number", "issue 22 item 1: simulators send numbers",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20231121121325","TransAmount":"{amount}.00",
             "BusinessShortCode":"174379","BillRefNumber":"{account}","InvoiceNumber":"","OrgAccountBalance":0,
             "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """),
        new("MSISDN unquoted, v1 plain number", "C2B v1 confirmations (before v2 masked the number) and aggregators",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20191122063845","TransAmount":"{amount}",
             "BusinessShortCode":"174379","BillRefNumber":"{account}","InvoiceNumber":"","OrgAccountBalance":"49197.00",
             "ThirdPartyTransID":"","MSISDN":254708374149,"FirstName":"John","MiddleName":"","LastName":"Doe"}
            """),
        new("TransTime and amounts as numbers", "issue 22 item 1",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":20231121121325,"TransAmount":{amount},
             "BusinessShortCode":174379,"BillRefNumber":"{account}","InvoiceNumber":"","OrgAccountBalance":1025.5,
             "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """),
        new("hashed MSISDN, v1", "C2B v1 sent a SHA-256 of the number (spec 4.8)",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20231121121325","TransAmount":"{amount}.00",
             "BusinessShortCode":"174379","BillRefNumber":"{account}","InvoiceNumber":"","OrgAccountBalance":"",
             "ThirdPartyTransID":"","MSISDN":"a8f5f167f44f4964e6c998dee827110c6ff3e1a4ec9a5f1f4d4b3e5d0c9f1e2d","FirstName":"JANE","MiddleName":"","LastName":""}
            """),
        new("Buy Goods, names null", "Till payments; aggregators send null for empty names",
            """
            {"TransactionType":"Buy Goods","TransID":"{transId}","TransTime":"20240102080910","TransAmount":"{amount}.00",
             "BusinessShortCode":"174379","BillRefNumber":"{account}","InvoiceNumber":null,"OrgAccountBalance":null,
             "ThirdPartyTransID":null,"MSISDN":"2547 ***** 126","FirstName":null,"MiddleName":null,"LastName":null}
            """),
        new("account typed with spaces and lower case", "customers type the account by hand (spec 4.8)",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20231121121325","TransAmount":"{amount}.00",
             "BusinessShortCode":"174379","BillRefNumber":" {account} ","InvoiceNumber":"","OrgAccountBalance":"25.00",
             "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """),
        new("ThirdPartyTransID echoed from validation", "spec 4.8: a validation answer may return a ThirdPartyTransID",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20231121121325","TransAmount":"{amount}.00",
             "BusinessShortCode":"174379","BillRefNumber":"{account}","InvoiceNumber":"","OrgAccountBalance":"25.00",
             "ThirdPartyTransID":"1234567890","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """),
        new("amount as an object", "a body no reader can trust: kept for review, not acknowledged as nothing",
            """
            {"TransactionType":"Pay Bill","TransID":"{transId}","TransTime":"20231121121325","TransAmount":{"value":"{amount}"},
             "BusinessShortCode":"174379","BillRefNumber":"{account}","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS"}
            """, Paid: false),
        new("no TransID", "a truncated body: kept for review",
            """{"TransactionType":"Pay Bill","TransAmount":"{amount}.00","BusinessShortCode":"174379","BillRefNumber":"{account}"}""", Paid: false),
    ];
}
