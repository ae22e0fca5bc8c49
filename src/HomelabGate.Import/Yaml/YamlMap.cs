namespace HomelabGate.Import.Yaml;

/// <summary>A map in insertion order, with comment lines after its last entry (<see cref="Footer"/>).</summary>
public sealed class YamlMap : YamlNode
{
    public List<YamlEntry> Entries { get; } = [];

    public List<string> Footer { get; } = [];

    public bool IsEmpty => Entries.Count == 0;

    public YamlEntry Add(string key, YamlNode value)
    {
        var entry = new YamlEntry(key, value);
        Entries.Add(entry);
        return entry;
    }

    public YamlEntry Add(string key, string value) => Add(key, YamlScalar.String(value));

    public YamlEntry Add(string key, long value) => Add(key, YamlScalar.Number(value));

    public YamlEntry Add(string key, bool value) => Add(key, YamlScalar.Bool(value));

    /// <summary>The map under <paramref name="key"/>, added empty when missing.</summary>
    public YamlMap Map(string key)
    {
        if (Entries.FirstOrDefault(e => e.Key == key)?.Value is YamlMap existing)
        {
            return existing;
        }
        var map = new YamlMap();
        Add(key, map);
        return map;
    }
}
