using System.Text.Json.Serialization;

namespace HomelabGate.Status;

public enum TargetHealth
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    [JsonStringEnumMemberName("healthy")]
    Healthy,

    [JsonStringEnumMemberName("unhealthy")]
    Unhealthy,
}
