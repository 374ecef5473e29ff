using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Sends one request to an asynchronous Daraja API (Register URL, Transaction Status, B2C) and reads its synchronous
/// answer. Sent once: the transport only repeats it after Daraja refused the access token, before processing it.
/// </summary>
internal static class DarajaAckSender
{
    public static async Task<DarajaAck> SendAsync<TBody>(DarajaTransport transport, string path, TBody body, DarajaAccount account,
        CancellationToken ct) where TBody : class
    {
        DarajaReply reply;
        try
        {
            reply = await transport.SendAsync(path, body, account, ct);
        }
        catch (DarajaAuthException e)
        {
            return e.CredentialsRejected ? new DarajaAck.Refused(e.ErrorCode ?? "oauth", e.Message) : new DarajaAck.NoAnswer(e.Message);
        }

        if (!reply.Answered) return new DarajaAck.NoAnswer($"No answer from Daraja ({reply.Response.ResponseStatus})");
        if (reply.Error?.ErrorCode is { } code) return new DarajaAck.Refused(code, DarajaTransport.Short(reply.Error.ErrorMessage));
        var ack = DarajaJson.TryRead<DarajaAckWireResponse>(reply.Response.Content);
        return ack?.ResponseCode?.Trim() switch
        {
            "0" => new DarajaAck.Accepted(ack.ConversationId),
            { Length: > 0 } other => new DarajaAck.Refused(other, DarajaTransport.Short(ack.ResponseDescription)),
            _ => new DarajaAck.NoAnswer($"Unreadable answer from Daraja (HTTP {(int)reply.Response.StatusCode})"),
        };
    }
}
