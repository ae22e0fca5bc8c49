namespace HomelabGate.Core.Planning;

/// <summary>What a change answers to: an edit of the manifest not applied yet, the world drifting from what was applied
/// (a DNS record changed out of band, a certificate broken on disk), or time (a certificate due for renewal).</summary>
public enum ChangeCause
{
    Manifest,
    Drift,
    Due,
}
