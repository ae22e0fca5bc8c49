using System.Globalization;
using System.Text.Json.Nodes;

namespace HomelabGate.Import.Npm.Reading;

/// <summary>One database row by column name, with NPM's conventions: booleans are 0/1 integers, JSON columns hold JSON
/// text, and a column an older NPM did not have reads as its default.</summary>
internal sealed class NpmRow(string table, IReadOnlyDictionary<string, object?> values)
{
    public int Id => Int("id");

    public string Table => table;

    public bool Has(string column) => values.ContainsKey(column);

    /// <summary>SQLite keeps whatever was stored: a value that is no integer reads as <paramref name="fallback"/>.</summary>
    public int Int(string column, int fallback = 0) =>
        long.TryParse(Text(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : fallback;

    public bool Bool(string column, bool fallback = false) => Text(column) switch
    {
        "" => fallback,
        "true" => true,
        var text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number != 0 : fallback,
    };

    public string Text(string column, string fallback = "") => values.TryGetValue(column, out var value) && value is not null and not DBNull
        ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? fallback
        : fallback;

    /// <summary>A JSON column parsed, or null when absent, NULL or not JSON (reported by the caller).</summary>
    public JsonNode? Json(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>NPM's <c>domain_names</c>: a JSON array of strings.</summary>
    public IReadOnlyList<string> Domains() => Json("domain_names") is JsonArray array
        ? array.Select(n => n?.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>().Trim().ToLowerInvariant() : "")
            .Where(d => d.Length > 0).ToList()
        : [];
}
