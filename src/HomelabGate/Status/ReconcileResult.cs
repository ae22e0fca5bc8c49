using System.Text.Json.Serialization;

namespace HomelabGate.Status;

/// <summary>What one reconcile came to.</summary>
public enum ReconcileResult
{
    /// <summary>Changes were carried out.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>Nothing to do (or only changes that wait for a back-off).</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    /// <summary>The manifest has errors; nothing of it was applied.</summary>
    [JsonStringEnumMemberName("invalid")]
    Invalid,

    /// <summary>At least one change failed; what failed stays pending.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
