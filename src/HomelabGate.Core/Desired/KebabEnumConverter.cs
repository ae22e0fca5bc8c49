using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Core.Desired;

/// <summary>An enum as its kebab-case name ("round-robin"), as the manifest spells it.</summary>
internal sealed class KebabEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower) where T : struct, Enum;
