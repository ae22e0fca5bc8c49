using System.Text.Json.Serialization;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Core.Engine;

/// <summary>What one apply did, change by change, and what it recorded as applied (only what succeeded).</summary>
public sealed record ApplyResult(
    Plan Plan,
    IReadOnlyList<ChangeResult> Results,
    DnsOutcome Dns,
    CertificateApplyResult Certificates,
    IReadOnlyList<string> ProxyProblems,
    DesiredState Recorded)
{
    /// <summary>Why the applied state could not be recorded (a full disk), or null. What was applied stays applied; the
    /// next plan, read from the older record, shows it again and applying it again changes nothing.</summary>
    public string? RecordError { get; init; }

    public bool Succeeded => !Failed.Any() && RecordError is null;

    public IEnumerable<ChangeResult> Failed => Results.Where(r => r.Outcome == ChangeOutcome.Failed);

    /// <summary>At least one change took effect.</summary>
    public bool Changed => Results.Any(r => r.Outcome == ChangeOutcome.Succeeded);
}

/// <summary>One planned change and how it went; <see cref="Detail"/> says why it failed or waits.</summary>
public sealed record ChangeResult(ResourceChange Change, ChangeOutcome Outcome, string? Detail = null);

public enum ChangeOutcome
{
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Not attempted now: an earlier attempt failed and backs off; the change stays pending.</summary>
    [JsonStringEnumMemberName("deferred")]
    Deferred,
}

/// <summary>The DNS part of an apply: what the provider held, and the error that stopped writing, if any.</summary>
public sealed record DnsOutcome(DnsObservation Observation, string? Error);
