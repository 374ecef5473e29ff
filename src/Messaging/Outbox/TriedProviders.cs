namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// The providers a message has been given up on, as stored in <c>outbox.tried_providers</c>:
/// comma-separated, <c>name?</c> when the outcome there is unknown (it may have been sent).
/// </summary>
public sealed record TriedProviders(IReadOnlyList<string> Entries)
{
    private const char UnknownMark = '?';

    public static TriedProviders Parse(string? stored) =>
        new((stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool Contains(string provider) => Entries.Any(e => e.TrimEnd(UnknownMark) == provider);

    public bool AnyUnknown => Entries.Any(e => e.EndsWith(UnknownMark));

    public TriedProviders Add(string provider, bool unknown = false) =>
        Contains(provider) ? this : new([.. Entries, unknown ? provider + UnknownMark : provider]);

    public override string ToString() => string.Join(',', Entries);
}
