using System.Data;
using Dapper;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Database;

/// <summary>
/// Writes an <see cref="ITextValue{TSelf}"/> as its text and reads it back, refusing text it does not know. Untyped
/// (<see cref="SqlMapper.ITypeHandler"/>) because Dapper hands a NULL scalar for <c>T?</c> to the same handler and
/// only this form is told which of the two it is filling.
/// </summary>
internal sealed class TextValueHandler<T> : SqlMapper.ITypeHandler where T : struct, ITextValue<T>
{
    /// <summary>Serves <typeparamref name="T"/> and <c>T?</c> (Dapper registers both).</summary>
    public static void Register() => SqlMapper.AddTypeHandler(typeof(T), new TextValueHandler<T>());

    public void SetValue(IDbDataParameter parameter, object value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value is T typed ? typed.Value : DBNull.Value;
    }

    public object? Parse(Type destinationType, object value) => value switch
    {
        string text => TextValue.Parse<T>(text),
        DBNull or null when Nullable.GetUnderlyingType(destinationType) is not null => null,
        DBNull or null => throw new DataException($"A {typeof(T).Name} column is NULL"),
        _ => throw new DataException($"Cannot read a {typeof(T).Name} from {value.GetType().Name}"),
    };
}
