namespace InvoiceFirst.Data.Domain;

/// <summary>
/// A closed set of values stored as text (a status, a purpose). Value structs rather than C# enums because
/// Dapper never consults a type handler for an enum parameter; one <see cref="Database.TextValueHandler{T}"/>
/// serves every such type.
/// </summary>
public interface ITextValue<TSelf> where TSelf : struct, ITextValue<TSelf>
{
    /// <summary>The text stored in the database and shown in the API, exactly.</summary>
    string Value { get; }

    static abstract IReadOnlyList<TSelf> All { get; }
}
