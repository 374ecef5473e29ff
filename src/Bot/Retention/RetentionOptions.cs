namespace InvoiceFirst.Bot.Retention;

/// <summary>How long chat data is kept. Invoices and payments are financial records and are not touched.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Inbox payloads, conversations, sent messages and message metadata older than this are deleted.</summary>
    public int ChatDays { get; set; } = 90;

    /// <summary>Off: the daily job does not run on this instance (the erase verb still works).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an instance checks whether the daily run is due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
