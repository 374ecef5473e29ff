using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>The URLs Daraja is given for Paybill/Till payments and for Transaction Status results.</summary>
public sealed class C2bUrls(PaymentHost host, IOptions<MpesaOptions> mpesa)
{
    public const string ValidationPath = "/payments/c2b/validation/{token}";
    public const string ConfirmationPath = "/payments/c2b/confirmation/{token}";
    public const string ResultPath = "/payments/tx-status/result/{token}";
    public const string TimeoutPath = "/payments/tx-status/timeout/{token}";

    public string Validation => Url(ValidationPath, mpesa.Value.C2bUrlToken);

    public string Confirmation => Url(ConfirmationPath, mpesa.Value.C2bUrlToken);

    public string Result(string queryToken) => Url(ResultPath, queryToken);

    public string Timeout(string queryToken) => Url(TimeoutPath, queryToken);

    private string Url(string path, string token) => host.Url(path.Replace("{token}", token));
}
