namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>An HTTP answer as either client (curl or HttpClient) saw it. Header names are case-insensitive.</summary>
public sealed record HttpResult(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Status} {string.Join("; ", Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{Body}";
}
