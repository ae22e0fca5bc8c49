using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Planning;

/// <summary>One step of a plan and why it is there ("new in the manifest", "changed: targets", "deleted out of band",
/// "renewal was due at …"). <see cref="Before"/> is null for a create, <see cref="After"/> null for a delete.</summary>
public sealed record ResourceChange(ResourceId Id, ChangeAction Action, Resource? Before, Resource? After, string Reason,
    ChangeCause Cause = ChangeCause.Manifest);
