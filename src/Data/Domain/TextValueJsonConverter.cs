using System.Text.Json;
using System.Text.Json.Serialization;

namespace InvoiceFirst.Data.Domain;

/// <summary>JSON carries an <see cref="ITextValue{TSelf}"/> as its plain text, the same as the column.</summary>
public sealed class TextValueJsonConverter<T> : JsonConverter<T> where T : struct, ITextValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return TextValue.TryParse<T>(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a known {typeof(T).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
