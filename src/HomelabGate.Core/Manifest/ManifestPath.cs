namespace HomelabGate.Core.Manifest;

/// <summary>Paths into the manifest in one spelling shared by the YAML reader, the schema validator and the rules:
/// "hosts.jellyfin.domains[0]" (the same shape NJsonSchema reports, without its "#/" prefix).</summary>
public static class ManifestPath
{
    public static string Property(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    public static string Parent(string path)
    {
        // A key may itself end in ']' ("certificat]:"), so only a '[' after the last '.' starts an index.
        if (path.EndsWith(']') && path.LastIndexOf('[') is var open and >= 0 && open > path.LastIndexOf('.'))
        {
            return path[..open];
        }
        var dot = path.LastIndexOf('.');
        return dot < 0 ? string.Empty : path[..dot];
    }

    /// <summary>"$.hosts.a.rateLimit.requests" or "$.hosts['a b'].domains[0]" (System.Text.Json's paths) in our spelling.</summary>
    public static string FromJsonPath(string jsonPath) =>
        jsonPath.TrimStart('$').Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
}
