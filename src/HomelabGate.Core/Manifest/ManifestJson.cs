using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HomelabGate.Core.Manifest;

/// <summary>How the schema-checked JSON tree becomes <see cref="ManifestSpec"/>: camelCase keys, and the two places where
/// the manifest accepts a shorthand (a target as a bare URL, <c>hsts: true</c>).</summary>
internal static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // A null where the spec has no nullable slot is refused here too, not left for a rule to trip over.
        RespectNullableAnnotations = true,
        Converters = { new TargetSpecConverter(), new HstsSpecConverter() },
        TypeInfoResolver = ManifestJsonContext.Default,
    };

    /// <summary>The spec's metadata, source-generated (no reflection: the published gate is Native AOT).</summary>
    public static JsonTypeInfo<ManifestSpec> Spec { get; } = (JsonTypeInfo<ManifestSpec>)Options.GetTypeInfo(typeof(ManifestSpec));

    private sealed class TargetSpecConverter : JsonConverter<TargetSpec>
    {
        public override TargetSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return new TargetSpec { Url = reader.GetString()! };
            }
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return new TargetSpec
            {
                Url = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                    ? url.GetString()!
                    : throw new JsonException("a target is a URL or { url, weight }"),
                Weight = root.TryGetProperty("weight", out var weight) ? Int(weight) : null,
            };
        }

        public override void Write(Utf8JsonWriter writer, TargetSpec value, JsonSerializerOptions options) =>
            throw new NotSupportedException("specs are read, never written");
    }

    private static int Int(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : throw new JsonException("a weight is a whole number");

    private sealed class HstsSpecConverter : JsonConverter<HstsSpec>
    {
        public override HstsSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                return new HstsSpec { Enabled = reader.GetBoolean() };
            }
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("hsts is true, false or { maxAge, includeSubDomains, preload }");
            }
            return new HstsSpec
            {
                MaxAge = root.TryGetProperty("maxAge", out var maxAge) ? maxAge.GetString() : null,
                IncludeSubDomains = root.TryGetProperty("includeSubDomains", out var sub) ? sub.GetBoolean() : null,
                Preload = root.TryGetProperty("preload", out var preload) ? preload.GetBoolean() : null,
            };
        }

        public override void Write(Utf8JsonWriter writer, HstsSpec value, JsonSerializerOptions options) =>
            throw new NotSupportedException("specs are read, never written");
    }
}
