namespace InvoiceFirst.Bot.PayPage;

/// <summary>What the pay page shows in its main card.</summary>
public enum PayPageState
{
    /// <summary>Payable: the form and the Paybill/Till instructions.</summary>
    Open,

    /// <summary>A prompt was sent (or is already open): "check your phone", then polling.</summary>
    Waiting,
    Paid,
    Cancelled,
    Expired,
}
