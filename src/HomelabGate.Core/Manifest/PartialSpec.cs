using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Validation;

namespace HomelabGate.Core.Manifest;

/// <summary>Reads a manifest that failed the schema by leaving out what failed (and unknown keys), so the rules can still
/// report their findings in the same run: an unknown upstream is shown beside a wrong type elsewhere. A named entry that
/// failed as a whole ("hosts.nas") stays as an empty entry, so references to it are not reported as unknown.</summary>
internal static class PartialSpec
{
    public static ManifestSpec? TryRead(JsonNode? root, IReadOnlyList<SchemaFinding> findings)
    {
        if (root is not JsonObject)
        {
            return null;
        }
        var copy = root.DeepClone();
        foreach (var finding in findings.Where(f => f.Path.Length > 0).OrderByDescending(f => f.Path.Length).ThenByDescending(f => f.Path, StringComparer.Ordinal))
        {
            if (!Prune(copy, finding.Path))
            {
                return null; // a key with a '.' or '[' makes the path ambiguous: better no rule findings than wrong ones
            }
        }
        SpecShape.RemoveUnknown(copy, ManifestJson.Spec);
        try
        {
            return copy.Deserialize(ManifestJson.Spec);
        }
        catch (Exception)
        {
            // Best effort only: whatever cannot be read leaves the rules for the next run, as before the schema passes.
            return null;
        }
    }

    /// <returns>False when the path does not lead into the tree (its parent is not there).</returns>
    private static bool Prune(JsonNode root, string path)
    {
        var (parent, last) = (Find(root, ManifestPath.Parent(path)), Last(path));
        if (parent is JsonObject obj && last is string key && obj.ContainsKey(key))
        {
            var isNamedEntry = !ManifestPath.Parent(path).Contains('.', StringComparison.Ordinal) && ManifestPath.Parent(path).Length > 0
                && !path.EndsWith(']');
            if (isNamedEntry)
            {
                obj[key] = new JsonObject();
            }
            else
            {
                obj.Remove(key);
            }
        }
        else if (parent is JsonArray array && last is int index && index >= 0 && index < array.Count)
        {
            array.RemoveAt(index);
        }
        return parent is JsonObject || (parent is JsonArray && last is int);
    }

    /// <summary>The node at a path of plain keys and [index] parts, or null.</summary>
    private static JsonNode? Find(JsonNode root, string path)
    {
        if (path.Length == 0)
        {
            return root;
        }
        var parent = Find(root, ManifestPath.Parent(path));
        return (parent, Last(path)) switch
        {
            (JsonObject obj, string key) => obj.TryGetPropertyValue(key, out var child) ? child : null,
            (JsonArray array, int index) => index < array.Count ? array[index] : null,
            _ => null,
        };
    }

    /// <summary>The last part of a path, as <see cref="ManifestPath.Parent"/> splits it: an index, or a key.</summary>
    private static object Last(string path)
    {
        var parent = ManifestPath.Parent(path);
        if (parent.Length < path.Length && path[parent.Length] == '[')
        {
            return int.TryParse(path.AsSpan(parent.Length + 1, path.Length - parent.Length - 2), out var index) ? index : -1;
        }
        return parent.Length == 0 ? path : path[(parent.Length + 1)..];
    }
}
