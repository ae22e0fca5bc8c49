using HomelabGate.Core.Desired;

namespace HomelabGate.Core.State;

/// <summary>What was last applied, when, and from which manifest content.</summary>
public sealed record AppliedState(DesiredState Desired, string ManifestHash, DateTimeOffset AppliedAt);
