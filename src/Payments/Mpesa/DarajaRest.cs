using RestSharp;

namespace InvoiceFirst.Payments.Mpesa;

internal static class DarajaRest
{
    /// <summary>A RestClient over the named <c>mpesa</c> HttpClient (its pipeline owns the timeout).</summary>
    public static RestClient Create(IHttpClientFactory factory, string baseUrl) =>
        new(factory.CreateClient(DarajaClient.HttpClientName), new RestClientOptions(baseUrl)
        {
            // RestSharp marks non-2xx as Error by default; Daraja's error bodies are answers we must read,
            // so only a missing HTTP response (timeout, refused connection) counts as "no answer".
            CalculateResponseStatus = _ => ResponseStatus.Completed,
        });
}
