using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Core.Manifest;

/// <summary>Reads a manifest that failed the schema only for unknown keys (typos) by leaving those keys out, so the
/// rules can still run and report their findings in the same run. Any other schema error means the shape cannot be
/// trusted, and the rules wait for the next run.</summary>
internal static class LenientSpec
{
    public static ManifestSpec? TryRead(JsonNode? root, IReadOnlyList<Diagnostic> schemaFindings)
    {
        if (root is null || schemaFindings.Any(d => d.Code != DiagnosticCodes.UnknownKey))
        {
            return null;
        }
        var copy = root.DeepClone();
        RemoveUnknown(copy, typeof(ManifestSpec));
        try
        {
            return copy.Deserialize<ManifestSpec>(ManifestJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Drops keys the spec types do not declare, walking the spec's own shape.</summary>
    private static void RemoveUnknown(JsonNode? node, Type type)
    {
        if (node is JsonArray array && ElementType(type) is { } item)
        {
            foreach (var element in array)
            {
                RemoveUnknown(element, item);
            }
            return;
        }
        if (node is not JsonObject obj)
        {
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            foreach (var (_, value) in obj)
            {
                RemoveUnknown(value, type.GetGenericArguments()[1]);
            }
            return;
        }
        var properties = type.GetProperties().ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType);
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (!properties.TryGetValue(key, out var propertyType))
            {
                obj.Remove(key);
            }
            else
            {
                RemoveUnknown(obj[key], Nullable.GetUnderlyingType(propertyType) ?? propertyType);
            }
        }
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
}
