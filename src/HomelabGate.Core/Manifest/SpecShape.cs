using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace HomelabGate.Core.Manifest;

/// <summary>Drops keys the spec types do not declare, walking the spec's own shape as its (source-generated) JSON
/// metadata describes it (its depth is fixed by the types, and the tree's by <see cref="YamlReader.MaxDepth"/>). A type
/// read by a converter of its own (a target, hsts) is left as it is: the converter picks what it knows.</summary>
internal static class SpecShape
{
    public static void RemoveUnknown(JsonNode? node, JsonTypeInfo info)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable when node is JsonArray array:
                var item = info.Options.GetTypeInfo(info.ElementType!);
                foreach (var element in array)
                {
                    RemoveUnknown(element, item);
                }
                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                var value = info.Options.GetTypeInfo(info.ElementType!);
                foreach (var (_, child) in map)
                {
                    RemoveUnknown(child, value);
                }
                break;
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                var properties = info.Properties.ToDictionary(p => p.Name, p => p.PropertyType);
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (!properties.TryGetValue(key, out var propertyType))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        RemoveUnknown(obj[key], info.Options.GetTypeInfo(Nullable.GetUnderlyingType(propertyType) ?? propertyType));
                    }
                }
                break;
        }
    }
}
