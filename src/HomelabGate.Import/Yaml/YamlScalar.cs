using System.Globalization;

namespace HomelabGate.Import.Yaml;

/// <summary>A string (quoted when YAML would read it as something else) or a literal number or boolean.</summary>
public sealed class YamlScalar : YamlNode
{
    private YamlScalar(string text, bool literal)
    {
        Text = text;
        IsLiteral = literal;
    }

    public string Text { get; }

    /// <summary>A number or boolean, written as is.</summary>
    public bool IsLiteral { get; }

    public static YamlScalar String(string text) => new(text, literal: false);

    public static YamlScalar Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), literal: true);

    public static YamlScalar Bool(bool value) => new(value ? "true" : "false", literal: true);
}
