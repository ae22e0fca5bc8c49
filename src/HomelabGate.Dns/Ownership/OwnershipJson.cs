using System.Text.Json.Serialization;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>The ownership file's shape, source-generated (no reflection: the published gate is Native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FileContent))]
internal sealed partial class OwnershipJson : JsonSerializerContext;

internal sealed record FileContent(string OwnerId, List<FileRecord> Records);

internal sealed record FileRecord(string Name, DnsRecordType Type, int Ttl, List<string> Values);
