using System.Globalization;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>A Prometheus text exposition, read just enough to find one sample by name and labels.</summary>
public sealed record MetricsScrape(string Text)
{
    /// <returns>The sample's value, or null when no series has exactly these labels (order-independent).</returns>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = line[name.Length..];
            var space = rest.LastIndexOf(' ');
            if (space < 0)
            {
                continue;
            }
            var labelText = rest[..space];
            var expected = labels.Length == 0 ? "" : "{" + string.Join(',', labels.Select(l => $"{l.Label}=\"{l.Value}\"")) + "}";
            if (labelText == expected || labels.Length > 0 && SameLabels(labelText, labels))
            {
                return double.Parse(rest[(space + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    private static bool SameLabels(string labelText, (string Label, string Value)[] labels) =>
        labelText.StartsWith('{') && labelText.EndsWith('}')
        && labelText[1..^1].Split(',').Order(StringComparer.Ordinal)
            .SequenceEqual(labels.Select(l => $"{l.Label}=\"{l.Value}\"").Order(StringComparer.Ordinal));

    public override string ToString() => Text;
}
