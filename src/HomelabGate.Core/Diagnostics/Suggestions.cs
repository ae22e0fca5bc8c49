namespace HomelabGate.Core.Diagnostics;

/// <summary>"Did you mean …?" for misspelled keys and references: the closest candidate within a small edit distance.</summary>
public static class Suggestions
{
    private const int MaxCandidates = 200;

    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (input.Length > 64)
        {
            return null; // no key is that long; and the edit distance would cost length × length
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = Math.Max(1, input.Length / 3);
        // Bounded work per call: a manifest with thousands of names and as many typos must still validate in time.
        foreach (var candidate in candidates.Where(c => Math.Abs(c.Length - input.Length) <= allowed).Take(MaxCandidates))
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    public static string? DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"did you mean '{match}'?" : null;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
