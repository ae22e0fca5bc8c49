using System.Text.Json.Serialization;
using HomelabGate.Acme.Errors;

namespace HomelabGate.Acme.Protocol;

/// <summary>Every ACME document gate reads or writes, source-generated; naming and converters are <see cref="AcmeJson.Options"/>.</summary>
[JsonSerializable(typeof(AcmeDirectory))]
[JsonSerializable(typeof(AcmeAccount))]
[JsonSerializable(typeof(AcmeOrder))]
[JsonSerializable(typeof(AcmeAuthorization))]
[JsonSerializable(typeof(AcmeChallenge))]
[JsonSerializable(typeof(AcmeProblem))]
[JsonSerializable(typeof(AcmeNewOrder))]
[JsonSerializable(typeof(AcmeFinalize))]
internal sealed partial class AcmeJsonContext : JsonSerializerContext;
