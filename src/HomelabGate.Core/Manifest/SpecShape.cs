using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomelabGate.Core.Manifest;

/// <summary>Drops keys the spec types do not declare, walking the spec's own shape (its depth is fixed by the types, and
/// the tree's by <see cref="YamlReader.MaxDepth"/>).</summary>
internal static class SpecShape
{
    public static void RemoveUnknown(JsonNode? node, Type type)
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
