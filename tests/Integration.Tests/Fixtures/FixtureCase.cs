using InvoiceFirst.Testing.Fixtures;

namespace InvoiceFirst.Integration.Tests.Fixtures;

/// <summary>What the world holds before the fixture arrives.</summary>
public enum FixtureSetup
{
    None,

    /// <summary>An unpaid invoice to the customer; <c>{{button_id}}</c> is its pay button.</summary>
    Invoice,

    /// <summary>The sender first wrote <see cref="FixtureCase.Original"/> as message <c>{{original_id}}</c> (what an edit or a revoke is about).</summary>
    Original,

    /// <summary>Both: an invoice to the customer, then the original message.</summary>
    InvoiceAndOriginal,
}

/// <summary>One fixture replayed from one sender, with what it must do.</summary>
public sealed record FixtureCase(string Name, WhatsAppFixture Fixture, string Sender, FixtureEffect Effect)
{
    public string Text { get; init; } = "hello";
    public FixtureSetup Setup { get; init; }
    public string? Original { get; init; }
    public string? ButtonId { get; init; }

    /// <summary>The payload's own timestamp (Unix seconds); taps carry one, by default a moment ago.</summary>
    public TimeSpan Age { get; init; }

    public override string ToString() => Name;
}
