namespace InvoiceFirst.Bot.Hosting;

/// <summary>The <c>Authorization: Bearer &lt;key&gt;</c> check shared by the API and /metrics.</summary>
public static class BearerKey
{
    /// <summary>False when no key is configured: an unset key lets nobody in.</summary>
    public static bool Matches(HttpRequest request, string? key) =>
        !string.IsNullOrEmpty(key) && SecretComparison.AreEqual(Presented(request), key);

    /// <summary>The key after <c>Bearer</c>, or empty.</summary>
    public static string Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }

    public static IResult Refuse(HttpContext http, string setting)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong API key",
            detail: $"Send the key configured as {setting} in an 'Authorization: Bearer <key>' header.");
    }
}
