namespace InvoiceFirst.Bot.Dashboard;

/// <summary>What every signed-in page's frame needs: the words, whose business it is, the user's role and the forms' token.</summary>
public sealed record SignedInPage(DashboardText Text, string BusinessName, bool IsOwner, string Token, string TokenField);
