namespace InvoiceFirst.Data.Logins;

/// <summary>The door a login code was asked at; a code opens only that door.</summary>
public enum LoginAudience
{
    /// <summary>The merchant dashboard, <c>/app</c>.</summary>
    App,

    /// <summary>The operator console, <c>/ops</c>.</summary>
    Ops,
}

internal static class LoginAudienceColumn
{
    /// <summary>The value of <c>login_codes.audience</c>.</summary>
    public static string Of(LoginAudience audience) => audience switch
    {
        LoginAudience.App => "app",
        LoginAudience.Ops => "ops",
        _ => throw new ArgumentOutOfRangeException(nameof(audience)),
    };
}
