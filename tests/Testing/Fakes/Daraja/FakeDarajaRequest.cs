namespace InvoiceFirst.Testing.Fakes;

/// <summary>One request the fake Daraja received: path, the bearer token it carried, and the raw body.</summary>
public sealed record FakeDarajaRequest(string Path, string? BearerToken, string Body);
