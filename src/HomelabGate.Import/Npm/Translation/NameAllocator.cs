using System.Text;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>Manifest keys derived from NPM's names (first domain, nice_name, list name): lower-case letters, digits and
/// '-', unique per section. Rows are named in id order, so a re-import gives the same keys.</summary>
internal sealed class NameAllocator
{
    private const int MaxLength = 63;
    private readonly Dictionary<string, HashSet<string>> _taken = new(StringComparer.Ordinal);

    /// <summary>The first candidate that is usable and free, else the last one with "-2", "-3", ….</summary>
    public string Allocate(string section, params string?[] candidates)
    {
        var taken = _taken.TryGetValue(section, out var set) ? set : _taken[section] = new HashSet<string>(StringComparer.Ordinal);
        var slugs = candidates.Where(c => c is not null).Select(c => Slug(c!)).Where(s => s.Length > 0).ToList();
        var chosen = slugs.FirstOrDefault(s => !taken.Contains(s));
        if (chosen is null)
        {
            var stem = slugs.LastOrDefault() ?? section;
            chosen = Enumerable.Range(2, int.MaxValue - 2).Select(n => $"{stem}-{n}").First(s => !taken.Contains(s));
        }
        taken.Add(chosen);
        return chosen;
    }

    /// <summary>"Lab wildcard (self-signed)" → "lab-wildcard-self-signed"; "*.lab.test" → "wildcard-lab-test".</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Replace("*", "wildcard", StringComparison.Ordinal))
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep)
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length <= MaxLength ? result : result[..MaxLength].TrimEnd('-');
    }

    /// <summary>The first label of a domain ("media" of media.lab.test), when it says something on its own.</summary>
    public static string? FirstLabel(string? domain) =>
        domain is null || domain.StartsWith('*') || !domain.Contains('.') ? null : domain[..domain.IndexOf('.')];
}
