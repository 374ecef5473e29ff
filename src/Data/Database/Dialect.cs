namespace InvoiceFirst.Data.Database;

public enum Dialect
{
    Postgres,
    Sqlite,
}
