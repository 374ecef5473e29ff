namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Daraja's synchronous answer to a request whose result comes later (or not at all).</summary>
public abstract record DarajaAck
{
    private DarajaAck()
    {
    }

    /// <summary>ResponseCode 0: Daraja took the request.</summary>
    public sealed record Accepted(string? ConversationId) : DarajaAck;

    /// <summary>Daraja answered no, with its code (<c>500.003.1001</c>, <c>401.003.01</c>…) and message.</summary>
    public sealed record Refused(string Code, string Message) : DarajaAck;

    /// <summary>No readable answer (time-out, refused connection, a body we cannot read): try again later.</summary>
    public sealed record NoAnswer(string Reason) : DarajaAck;
}
