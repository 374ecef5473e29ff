namespace InvoiceFirst.Data.Stats;

/// <summary>Messages a channel's provider accepted, and how many of those it reported delivered (or read).</summary>
public sealed record ChannelDelivery
{
    public required string Channel { get; init; }
    public long Accepted { get; init; }
    public long Delivered { get; init; }
}
