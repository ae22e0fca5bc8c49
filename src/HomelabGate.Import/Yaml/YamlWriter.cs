namespace HomelabGate.Import.Yaml;

/// <summary>Writes a <see cref="YamlMap"/> as block-style YAML, two spaces per level, comments where the model puts them.</summary>
public sealed class YamlWriter
{
    private const int Step = 2;

    public string Write(YamlMap root, IEnumerable<string> header)
    {
        var lines = header.SelectMany(Split).Select(l => l.Length == 0 ? "#" : $"# {l}").ToList();
        WriteMap(root, 0, lines);
        return string.Join('\n', lines) + "\n";
    }

    private static void WriteMap(YamlMap map, int indent, List<string> lines)
    {
        var pad = new string(' ', indent);
        foreach (var entry in map.Entries)
        {
            lines.AddRange(entry.Comments.SelectMany(Split).Select(c => $"{pad}# {c}".TrimEnd()));
            var own = new List<string>();
            WriteEntry(entry, indent, own);
            lines.AddRange(entry.CommentedOut ? own.Select(l => $"{pad}# {l[indent..]}") : own);
        }
        lines.AddRange(map.Footer.SelectMany(Split).Select(c => $"{pad}# {c}".TrimEnd()));
    }

    private static void WriteEntry(YamlEntry entry, int indent, List<string> lines)
    {
        var head = $"{new string(' ', indent)}{YamlScalarFormatter.Format(entry.Key, flow: false)}:";
        switch (entry.Value)
        {
            case YamlScalar scalar:
                lines.Add($"{head} {YamlScalarFormatter.Format(scalar, flow: false)}");
                break;
            case YamlMap { IsEmpty: true, Footer.Count: 0 }:
                lines.Add($"{head} {{}}");
                break;
            case YamlMap map:
                lines.Add(head);
                WriteMap(map, indent + Step, lines);
                break;
            case YamlSequence { Items.Count: 0 }:
                lines.Add($"{head} []");
                break;
            case YamlSequence sequence when sequence.Items.All(i => i is YamlScalar):
                lines.Add($"{head} [{string.Join(", ", sequence.Items.Cast<YamlScalar>().Select(s => YamlScalarFormatter.Format(s, flow: true)))}]");
                break;
            case YamlSequence sequence:
                lines.Add(head);
                WriteItems(sequence, indent + Step, lines);
                break;
        }
    }

    private static void WriteItems(YamlSequence sequence, int indent, List<string> lines)
    {
        var pad = new string(' ', indent);
        foreach (var item in sequence.Items)
        {
            if (item is YamlMap map)
            {
                var own = new List<string>();
                WriteMap(map, indent + Step, own);
                var first = own.FindIndex(l => !l.TrimStart().StartsWith('#'));
                own[first] = $"{pad}- {own[first][(indent + Step)..]}";
                lines.AddRange(own);
            }
            else if (item is YamlScalar scalar)
            {
                lines.Add($"{pad}- {YamlScalarFormatter.Format(scalar, flow: false)}");
            }
        }
    }

    private static IEnumerable<string> Split(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
