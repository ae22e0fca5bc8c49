using System.Text;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>Broken promises found by a fuzz run, counted by kind with the first case of each kept as the reproducer, so
/// one run shows every kind of failure instead of stopping at the first.</summary>
public sealed class FuzzFailures
{
    private readonly SortedDictionary<string, (int Count, string First)> _kinds = new(StringComparer.Ordinal);

    public int Count => _kinds.Values.Sum(k => k.Count);

    public void Check(bool held, string kind, string context)
    {
        if (!held)
        {
            _kinds[kind] = _kinds.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.First) : (1, context);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (kind, (count, first)) in _kinds)
        {
            text.Append($"{kind}: {count} case(s); the first: {first}\n\n");
        }
        return text.ToString();
    }
}
