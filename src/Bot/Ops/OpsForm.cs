namespace InvoiceFirst.Bot.Ops;

/// <summary>What every form of a signed-in page carries: the antiforgery token and the name of its field.</summary>
public sealed record OpsForm(string Token, string TokenField);
