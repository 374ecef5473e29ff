namespace InvoiceFirst.Integration.Tests.Fixtures;

/// <summary>A message the bot sent because of a fixture: to whom, and a piece of its text.</summary>
public sealed record SentReply(string To, string Contains);

/// <summary>
/// What replaying a fixture must do, and nothing more: how many events the inbox stored, how many
/// invoices and payments it made, and which messages went out on WhatsApp to whom.
/// </summary>
public sealed record FixtureEffect(int Events, int Invoices, int Payments, IReadOnlyList<SentReply> Replies)
{
    /// <summary>Stored (or, for a body that holds no message or status, not even that) and nothing else.</summary>
    public static FixtureEffect Nothing(int events = 1) => new(events, 0, 0, []);

    public static FixtureEffect Says(string to, string contains) => new(1, 0, 0, [new SentReply(to, contains)]);

    public static FixtureEffect Invoice(string customer, string merchant) =>
        new(1, 1, 0, [new SentReply(customer, "INV-0001"), new SentReply(merchant, "Invoice INV-0001 for")]);

    /// <summary>A payment recorded, its STK push made, and "check your phone" to the payer.</summary>
    public static FixtureEffect PaymentStarted(string payer) => new(1, 0, 1, [new SentReply(payer, "Check your phone")]);
}
