namespace HomelabGate.Fuzzing;

/// <summary>"verb --name value …" without a command-line library.</summary>
internal sealed record Options(string Verb, IReadOnlyDictionary<string, string> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new Options(args.FirstOrDefault() ?? "", values);
    }

    public string Get(string name, string? fallback = null) =>
        Values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");
}
