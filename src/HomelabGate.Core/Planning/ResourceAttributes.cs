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

    /// <summary>For comparing only: secret references unredacted, so a changed one is noticed. Never printed.</summary>
    private static readonly JsonSerializerOptions CompareOptions = ResourceJson.Create();

    public static JsonNode? ToJson(Resource? resource) =>
        resource is null ? null : JsonSerializer.SerializeToNode(resource, DisplayOptions.Info<Resource>());

    /// <summary>Flattened attributes in declaration order and the manifest's spelling (<see cref="ManifestSpelling"/>),
    /// e.g. ("targets[0].url", "\"http://10.0.0.5:8096\""), ("satisfy", "\"all\"").</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(Resource? resource) => Flatten(resource, DisplayOptions);

    /// <summary>The attribute paths whose values differ between two versions of a resource (secrets included, values
    /// not returned), e.g. ["acme.dns01.propagationTimeout", "domains"].</summary>
    public static IReadOnlyList<string> ChangedPaths(Resource before, Resource after)
    {
        var old = Flatten(before, CompareOptions).ToDictionary(p => p.Key, p => p.Value);
        var changed = new List<string>();
        foreach (var (key, value) in Flatten(after, CompareOptions))
        {
            if (!old.Remove(key, out var was) || was != value)
            {
                changed.Add(key);
            }
        }
        changed.AddRange(old.Keys);
        // "targets[0].url" and "targets[1].url" are one change to the targets.
        return changed.Select(k => k.IndexOf('[') is var i and > 0 ? k[..i] : k).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Flatten(Resource? resource, JsonSerializerOptions options)
    {
        var result = new List<KeyValuePair<string, string>>();
        if ((resource is null ? null : JsonSerializer.SerializeToNode(resource, options.Info<Resource>())) is JsonObject root)
        {
            root.Remove("$kind");
            root.Remove("name");
            Walk(root, "", result, options);
            return ManifestSpelling.Apply(resource!.Id.Kind, result);
        }
        return result;
    }

    private static void Walk(JsonNode? node, string path, List<KeyValuePair<string, string>> into, JsonSerializerOptions options)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", into, options);
                }
                break;
            case JsonArray { Count: 0 }:
                break;
            case JsonArray array when array.All(i => i is JsonValue):
                into.Add(new(path, array.ToJsonString(options)));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", into, options);
                }
                break;
            case null:
                break;
            default:
                into.Add(new(path, node.ToJsonString(options)));
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
        var get = property.Get;
        // The source-generation API, not CreateJsonPropertyInfo: it needs no reflection (Native AOT).
        info.Properties[index] = JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<string>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = info.Type,
            PropertyName = property.Name,
            JsonPropertyName = property.Name,
            Getter = target => get?.Invoke(target) is null ? null : SecretReference.Redacted,
        });
    }
}
