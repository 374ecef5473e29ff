using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Payments.Flow;

/// <summary>Wakes the C2B verifier when a confirmation arrived.</summary>
public sealed class C2bVerifierSignal : WorkSignal;
