namespace InvoiceFirst.Bot.Limits;

/// <summary>Settings of the <c>Chat</c> section: how much one sender may write before the bot stops answering.</summary>
public sealed class ChatLimitOptions
{
    public const string Section = "Chat";

    /// <summary>Messages from one number answered per window; the rest are stored but not answered.</summary>
    public int PerSenderPermitLimit { get; set; } = 30;

    public int PerSenderWindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(PerSenderWindowSeconds);
}
