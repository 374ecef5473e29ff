using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Bot.Inbox;

/// <summary>Wakes every waiting inbox loop the moment an event is stored.</summary>
public sealed class InboxSignal : WorkSignal;
