using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomelabGate.Core.Manifest;

/// <summary>A YAML scalar as a JSON value. Plain scalars follow the YAML 1.2 core schema, so "yes", "no" and "on" stay
/// strings; quoted scalars and those tagged <c>!!str</c> (or the non-specific <c>!</c>) are always strings.</summary>
internal static class YamlScalar
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static JsonNode? ToJson(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && (scalar.Tag.IsNonSpecific || scalar.Tag.Value == StringTag)))
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }
}
