using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>The URLs Daraja is given for a payout: each carries a token of its own (only its hash is stored).</summary>
public sealed class PayoutUrls(PaymentHost host)
{
    public const string ResultPath = "/payments/b2c/result/{token}";
    public const string TimeoutPath = "/payments/b2c/timeout/{token}";

    public string Result(string token) => host.Url(ResultPath.Replace("{token}", token));

    public string Timeout(string token) => host.Url(TimeoutPath.Replace("{token}", token));
}
