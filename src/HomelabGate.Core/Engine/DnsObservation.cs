namespace HomelabGate.Core.Engine;

/// <summary>What the DNS provider holds compared with the manifest. When <see cref="Status"/> is
/// <see cref="DnsObservationStatus.Observed"/>, <see cref="Changes"/> are the record changes apply would make (drift
/// repairs included) and <see cref="Prepared"/> carries them out; otherwise <see cref="Problem"/> says why the provider
/// was not read, and the planner falls back to comparing the manifest with the last applied records.</summary>
public sealed record DnsObservation(
    DnsObservationStatus Status,
    string Provider,
    IReadOnlyList<DnsRecordChange> Changes,
    IReadOnlyList<string> Conflicts,
    string? Problem,
    IPreparedDnsChanges? Prepared)
{
    public static DnsObservation NotConfigured { get; } = new(DnsObservationStatus.NotConfigured, "none", [], [], null, null);

    public static DnsObservation NotRead(DnsObservationStatus status, string provider, string problem) => new(status, provider, [], [], problem, null);

    public bool IsConfigured => Status != DnsObservationStatus.NotConfigured;
}

public enum DnsObservationStatus
{
    NotConfigured,

    /// <summary>The provider was read; <see cref="DnsObservation.Changes"/> is exact.</summary>
    Observed,

    /// <summary>Reading the provider failed (or it cannot hold a record type).</summary>
    Failed,

    /// <summary>An earlier failure backs off; the provider was not asked this time.</summary>
    BackingOff,

    /// <summary>The caller chose not to contact the provider (<c>gate plan --refresh=false</c>).</summary>
    Skipped,
}

/// <summary>The provider-specific changes behind an observation, ready to be written.</summary>
public interface IPreparedDnsChanges
{
    Task ApplyAsync(CancellationToken cancellationToken);
}
