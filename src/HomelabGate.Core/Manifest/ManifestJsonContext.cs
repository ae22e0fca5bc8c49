using System.Text.Json.Serialization;

namespace HomelabGate.Core.Manifest;

/// <summary>Source-generated metadata for the manifest's typed spec; options and converters are <see cref="ManifestJson.Options"/>.</summary>
[JsonSerializable(typeof(ManifestSpec))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
