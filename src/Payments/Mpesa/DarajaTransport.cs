using InvoiceFirst.Data.Database;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// One authenticated POST to Daraja. The only retry is after Daraja refused the access token:
/// it rejected the request before processing it, so even a push is safe to send once more.
/// </summary>
public sealed class DarajaTransport(
    IHttpClientFactory httpClientFactory,
    DarajaTokenProvider tokens,
    IOptions<MpesaOptions> options,
    ILogger<DarajaTransport> logger)
{
    /// <summary>With the deployment's own app.</summary>
    internal Task<DarajaReply> SendAsync<TBody>(string path, TBody body, CancellationToken ct) where TBody : class =>
        SendAsync(path, body, DarajaAccount.Deployment(options.Value), ct);

    /// <exception cref="DarajaAuthException">No token could be had: nothing was sent.</exception>
    internal Task<DarajaReply> SendAsync<TBody>(string path, TBody body, DarajaAccount account, CancellationToken ct)
        where TBody : class =>
        SendAsync(path, body, account, null, ct);

    /// <param name="on">The caller's connection and transaction when it sends inside one: the token is read on it.</param>
    internal async Task<DarajaReply> SendAsync<TBody>(string path, TBody body, DarajaAccount account, OpenTransaction? on, CancellationToken ct)
        where TBody : class
    {
        var token = await tokens.GetTokenAsync(account, on, ct);
        var reply = await PostAsync(path, body, token, ct);
        if (!StkErrorClassifier.IsInvalidToken(reply.Error?.ErrorCode)) return reply;

        logger.LogInformation("Daraja rejected the access token of {Account} ({ErrorCode}); refreshing once", account.Key, reply.Error!.ErrorCode);
        await tokens.InvalidateAsync(account, token, on, ct);
        token = await tokens.GetTokenAsync(account, on, ct);
        return await PostAsync(path, body, token, ct);
    }

    private async Task<DarajaReply> PostAsync<TBody>(string path, TBody body, string token, CancellationToken ct)
        where TBody : class
    {
        using var client = DarajaRest.Create(httpClientFactory, options.Value.BaseUrl);
        var request = new RestRequest(path, Method.Post)
            .AddHeader("Authorization", $"Bearer {token}")
            .AddJsonBody(body);

        var response = await client.ExecuteAsync(request, ct);
        ct.ThrowIfCancellationRequested();

        var error = response is { ResponseStatus: ResponseStatus.Completed, IsSuccessStatusCode: false }
            ? DarajaJson.TryRead<DarajaErrorResponse>(response.Content)
            : null;
        return new DarajaReply(response, error);
    }

    // Daraja's messages carry no personal data, but keep them short for logs and storage.
    internal static string Short(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Length <= 120 ? text : text[..120];
}

/// <summary>Daraja's HTTP answer and, for a non-2xx one, its error body when readable.</summary>
internal sealed record DarajaReply(RestResponse Response, DarajaErrorResponse? Error)
{
    public bool Answered => Response.ResponseStatus == ResponseStatus.Completed;
}
