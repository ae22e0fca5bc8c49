using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Core.Manifest;

/// <summary>How the schema-checked JSON tree becomes <see cref="ManifestSpec"/>: camelCase keys, and the two places where
/// the manifest accepts a shorthand (a target as a bare URL, <c>hsts: true</c>).</summary>
internal static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new TargetSpecConverter(), new HstsSpecConverter() },
    };

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
                Url = root.GetProperty("url").GetString()!,
                Weight = root.TryGetProperty("weight", out var weight) ? weight.GetInt32() : null,
            };
        }

        public override void Write(Utf8JsonWriter writer, TargetSpec value, JsonSerializerOptions options) =>
            throw new NotSupportedException("specs are read, never written");
    }

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
