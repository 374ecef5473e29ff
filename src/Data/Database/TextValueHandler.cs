using System.Data;
using Dapper;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Database;

/// <summary>Writes an <see cref="ITextValue{TSelf}"/> as its text and reads it back, refusing text it does not know.</summary>
internal sealed class TextValueHandler<T> : SqlMapper.TypeHandler<T> where T : struct, ITextValue<T>
{
    public override void SetValue(IDbDataParameter parameter, T value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value.Value;
    }

    public override T Parse(object value) => value is string text
        ? TextValue.Parse<T>(text)
        : throw new DataException($"Cannot read a {typeof(T).Name} from {value.GetType().Name}");
}
