using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Onboarding;

/// <summary>The persisted row behind <see cref="RegistrationFlow"/> (in <c>conversations.draft</c>); System.Text.Json.</summary>
public sealed class RegistrationState
{
    public string Step { get; set; } = "Idle";

    public string? BusinessName { get; set; }

    /// <summary>"en" or "sw": taken from the keyword used (REGISTER or JISAJILI), changeable.</summary>
    public string LanguageCode { get; set; } = Language.English.Code;

    public PayChoice? Pay { get; set; }

    /// <summary>True after Edit: the one answer changes one field and the summary comes back.</summary>
    public bool Editing { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Language Language => Language.FromCode(LanguageCode);
}
