namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>A systemd unit file as section → key → values (keys may repeat), comments and blank lines skipped.</summary>
public sealed class SystemdUnit(IReadOnlyDictionary<string, Dictionary<string, List<string>>> sections)
{
    public static SystemdUnit Load(string path)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>();
        var current = new Dictionary<string, List<string>>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                current = [];
                sections[line.Trim('[', ']')] = current;
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = line[..equals].Trim();
            if (!current.TryGetValue(key, out var values))
            {
                current[key] = values = [];
            }
            values.Add(line[(equals + 1)..].Trim());
        }
        return new SystemdUnit(sections);
    }

    /// <summary>The one value of a key; fails the test when it is missing or repeated.</summary>
    public string Value(string section, string key)
    {
        Assert.True(sections.TryGetValue(section, out var keys), $"no [{section}] section");
        Assert.True(keys.TryGetValue(key, out var values), $"[{section}] has no {key}=");
        return Assert.Single(values);
    }
}
