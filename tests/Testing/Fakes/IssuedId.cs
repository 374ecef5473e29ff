namespace InvoiceFirst.Testing.Fakes;

/// <summary>A message id a fake provider handed out in a success answer, with the request it answered.</summary>
public sealed record IssuedId(RecordedRequest Request, string Id);
