namespace InvoiceFirst.Bot.Conversations;

/// <summary>Why an invoice is proposed rather than sent: it decides the first line of the summary.</summary>
public enum ProposalReason
{
    /// <summary>Read from a sentence ("send invoice to 0712345678 for 1500 website design").</summary>
    Sentence,

    /// <summary>The keyword was misspelt ("invioce"): "Did you mean: …?".</summary>
    Typo,

    /// <summary>The merchant picked one of two phones the message held.</summary>
    ChosenPhone,

    /// <summary>An invoice of several items (or with a unit price): a multi-item message always confirms.</summary>
    Items,
}
