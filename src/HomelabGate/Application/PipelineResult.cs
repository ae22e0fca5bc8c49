using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Application;

/// <summary>A loaded manifest and, when it is valid, its desired state and resolved state directory.</summary>
public sealed record PipelineResult(ManifestLoadResult Load, DesiredState? Desired, string? StateDir)
{
    public bool Succeeded => Desired is not null;
}
