namespace InvoiceFirst.Messaging.Channels;

/// <summary>A webhook body that is not the provider's format (bad JSON, too deep, missing ids): answer 400.</summary>
public sealed class WebhookFormatException : Exception
{
    public WebhookFormatException(string message) : base(message)
    {
    }

    public WebhookFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
