namespace HomelabGate.Import.Yaml;

/// <summary>A list; written in flow style (<c>[a, b]</c>) when every item is a scalar, else one item per line.</summary>
public sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = [];

    public static YamlSequence Of(IEnumerable<string> items)
    {
        var sequence = new YamlSequence();
        sequence.Items.AddRange(items.Select(YamlScalar.String));
        return sequence;
    }
}
