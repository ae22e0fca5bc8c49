using System.Text.Json;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>One instruction of a Dockerfile, with the build stage it belongs to (the FROM's `AS` name).</summary>
public sealed record DockerInstruction(string Stage, string Keyword, string Arguments, int Line)
{
    /// <summary>The exec form (`["a", "b"]`) as a list.</summary>
    public IReadOnlyList<string> ExecForm() =>
        JsonSerializer.Deserialize<string[]>(Arguments) ?? throw new FormatException($"line {Line}: {Keyword} is not in exec form: {Arguments}");
}

/// <summary>Just enough of a Dockerfile parser to check it against the repository: line continuations, comments,
/// stages, ENV key=value pairs.</summary>
public sealed class Dockerfile(IReadOnlyList<DockerInstruction> instructions)
{
    public IReadOnlyList<DockerInstruction> Instructions { get; } = instructions;

    public string FinalStage => Instructions[^1].Stage;

    public static Dockerfile Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = "";
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                var next = lines[++i].Trim();
                text = text[..^1].TrimEnd() + (next.StartsWith('#') ? "" : " " + next);
            }
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var keyword = text[..space].ToUpperInvariant();
            var arguments = text[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stage = parts.Length >= 3 && parts[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[^1] : parts[0];
            }
            instructions.Add(new DockerInstruction(stage, keyword, arguments, start + 1));
        }
        return new Dockerfile(instructions);
    }

    public IEnumerable<DockerInstruction> All(string keyword, string? stage = null) =>
        Instructions.Where(i => i.Keyword == keyword && (stage is null || i.Stage == stage));

    public DockerInstruction Single(string keyword) => Assert.Single(All(keyword, FinalStage));

    /// <summary>The final image's ENV, in order (`ENV A=1 B=` form).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment() =>
        All("ENV", FinalStage).SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Select(kv => KeyValuePair.Create(kv[0], kv.Length > 1 ? kv[1] : throw new FormatException($"ENV without '=': {kv[0]}")))
            .ToList();

    /// <summary>COPY sources from the build context (not --from another stage).</summary>
    public IEnumerable<string> ContextSources() =>
        All("COPY").Where(i => !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));
}
