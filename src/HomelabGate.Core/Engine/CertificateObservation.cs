namespace HomelabGate.Core.Engine;

/// <summary>One desired certificate as stored: <see cref="Due"/> null means it can serve as it is. <see cref="Waiting"/>
/// says why a due certificate is not tried now (an earlier attempt failed and backs off).</summary>
public sealed record CertificateObservation(string Name, RenewalReason? Due, DateTimeOffset? NotAfter, string? Waiting = null)
{
    public bool ShouldIssue => Due is not null && Waiting is null;
}
