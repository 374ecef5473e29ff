namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// What the payment domain needs to know of the host it runs in: the public base URL Daraja calls back on, and
/// whether money is real (Live) or the sandbox's.
/// </summary>
public sealed record PaymentHost(string PublicBaseUrl, bool IsLive)
{
    public string Url(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
