namespace HomelabGate.Import.Yaml;

/// <summary>One key of a map, with the comment lines written above it. A commented-out entry is written in full, every
/// line behind "# ", so the user can switch it on by removing the marks.</summary>
public sealed class YamlEntry(string key, YamlNode value)
{
    public string Key { get; } = key;

    public YamlNode Value { get; } = value;

    public List<string> Comments { get; } = [];

    public bool CommentedOut { get; set; }

    public YamlEntry Comment(string line)
    {
        Comments.Add(line);
        return this;
    }
}
