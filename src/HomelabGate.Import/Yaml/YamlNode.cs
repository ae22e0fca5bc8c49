namespace HomelabGate.Import.Yaml;

/// <summary>A node of a YAML document we write: a <see cref="YamlScalar"/>, <see cref="YamlMap"/> or <see cref="YamlSequence"/>.
/// Unlike a serializer's model, it carries comments and commented-out entries, which an import needs.</summary>
public abstract class YamlNode
{
    private protected YamlNode()
    {
    }
}
