namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Where a piece of text sits in a manifest, as gate's diagnostics print it: <c>homelab.yaml:LINE:COLUMN</c>.</summary>
public static class SourcePosition
{
    public static string Of(string text, string marker, string fileName = "homelab.yaml")
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the manifest:\n{text}");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return $"{fileName}:{line}:{column}";
    }
}
