using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InvoiceFirst.Testing.Fixtures;

/// <summary>
/// One real-world WhatsApp webhook shape, kept as the JSON Meta posts (<c>Fixtures/WhatsApp/{Name}.json</c>)
/// with <c>{{token}}</c> where a test picks the value: <c>from</c>, <c>text</c>, <c>phone_number_id</c>…
/// <see cref="Source"/> says where the shape was seen.
/// </summary>
public sealed partial record WhatsAppFixture(string Name, string Source)
{
    /// <summary>The body with every token replaced (JSON-escaped, non-ASCII as <c>\uXXXX</c> like Meta); a token without a value throws.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<string>();
        var body = Token().Replace(Template(), m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var value)) return JsonEncodedText.Encode(value).ToString();
            missing.Add(m.Groups[1].Value);
            return m.Value;
        });
        return missing.Count == 0 ? body : throw new ArgumentException($"Fixture {Name} needs values for: {string.Join(", ", missing.Distinct())}");
    }

    public override string ToString() => Name;

    private string Template()
    {
        var resource = $"InvoiceFirst.Testing.Fixtures.WhatsApp.{Name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("No embedded fixture " + resource);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Token();
}
