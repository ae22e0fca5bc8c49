using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Certificates.Storage;

/// <summary>Source-generated (no reflection: the published gate is Native AOT) <c>meta.json</c> of a stored certificate:
/// camelCase, indented, enums by name.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CertificateMetadata))]
internal sealed partial class CertificateJson : JsonSerializerContext;
