using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HomelabGate.Core.Desired;

/// <summary>Serialization shared by the state file and the plan output: data properties only. Computed properties
/// (Id, Summary, IsEmpty, …) have no setter and are left out, so neither the state nor a plan repeats derived values.</summary>
public static class ResourceJson
{
    public static JsonSerializerOptions Create(params Action<JsonTypeInfo>[] extraModifiers)
    {
        var resolver = new DefaultJsonTypeInfoResolver { Modifiers = { DataOnly } };
        foreach (var modifier in extraModifiers)
        {
            resolver.Modifiers.Add(modifier);
        }
        return new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new CompactDurationConverter() },
            TypeInfoResolver = resolver,
        };
    }

    private static void DataOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in info.Properties.Where(p => p.Set is null && !IsConstructorParameter(info, p)).ToList())
        {
            info.Properties.Remove(property);
        }
    }

    private static bool IsConstructorParameter(JsonTypeInfo info, JsonPropertyInfo property) =>
        info.Type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));
}
