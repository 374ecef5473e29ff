namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>
/// Runs the messaging tests alone: they measure send rates and start hosts whose start-up
/// (the static Serilog bootstrap logger) does not tolerate another host starting beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MessagingCollection
{
    public const string Name = "Messaging";
}
