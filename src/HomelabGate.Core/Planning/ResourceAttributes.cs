using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Planning;

/// <summary>Shows a resource as users read it: flattened "path = value" attributes, with every <see cref="SensitiveAttribute"/>
/// property printed as "(secret)". Both the text and the JSON plan go through here, so no output path can leak a secret.</summary>
public static class ResourceAttributes
{
    public static JsonSerializerOptions DisplayOptions { get; } = ResourceJson.Create(RedactSensitive);

    public static JsonNode? ToJson(Resource? resource) =>
        resource is null ? null : JsonSerializer.SerializeToNode(resource, typeof(Resource), DisplayOptions);

    /// <summary>Flattened attributes in declaration order, e.g. ("targets[0].url", "\"http://10.0.0.5:8096\"").</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(Resource? resource)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (ToJson(resource) is JsonObject root)
        {
            root.Remove("$kind");
            root.Remove("name");
            Walk(root, "", result);
        }
        return result;
    }

    private static void Walk(JsonNode? node, string path, List<KeyValuePair<string, string>> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", into);
                }
                break;
            case JsonArray { Count: 0 }:
                break;
            case JsonArray array when array.All(i => i is JsonValue):
                into.Add(new(path, array.ToJsonString(DisplayOptions)));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", into);
                }
                break;
            case null:
                break;
            default:
                into.Add(new(path, node.ToJsonString(DisplayOptions)));
                break;
        }
    }

    private static void RedactSensitive(JsonTypeInfo info)
    {
        foreach (var property in info.Properties.ToList())
        {
            if (property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true)
            {
                property.CustomConverter = null;
                property.Get = property.Get is { } get
                    ? target => get(target) is null ? null : SecretReference.Redacted
                    : null;
                if (property.PropertyType != typeof(string))
                {
                    RetypeAsString(info, property);
                }
            }
        }
    }

    /// <summary>A sensitive list (users and their hashes) prints as one "(secret)"; the property must be typed string for that.</summary>
    private static void RetypeAsString(JsonTypeInfo info, JsonPropertyInfo property)
    {
        var index = info.Properties.IndexOf(property);
        var replacement = info.CreateJsonPropertyInfo(typeof(string), property.Name);
        var get = property.Get;
        replacement.Get = target => get?.Invoke(target) is null ? null : SecretReference.Redacted;
        info.Properties[index] = replacement;
    }
}
