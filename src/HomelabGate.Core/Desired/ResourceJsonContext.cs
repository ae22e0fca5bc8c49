using System.Text.Json.Serialization;
using HomelabGate.Core.State;

namespace HomelabGate.Core.Desired;

/// <summary>Source-generated metadata for desired and applied state: no reflection at run time (the published gate is
/// Native AOT). Naming, encoder and converters come from <see cref="ResourceJson.Create"/>. A property with an initializer
/// has a setter, not init: the generator passes init-only properties to the object initializer, so a key missing from an
/// older state file would read as null instead of the default (SourceGeneratedDefaultsTests).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AppliedState))]
[JsonSerializable(typeof(DesiredState))]
[JsonSerializable(typeof(Resource))]
internal sealed partial class ResourceJsonContext : JsonSerializerContext;
