using System.Data.Common;

namespace InvoiceFirst.Data.Database;

/// <summary>
/// A caller's connection and the transaction open on it, handed to code that would otherwise check out a connection
/// of its own: inside a transaction a second pooled connection can deadlock the pool (see <see cref="Db"/>).
/// </summary>
public readonly record struct OpenTransaction(DbConnection Connection, DbTransaction Transaction);
