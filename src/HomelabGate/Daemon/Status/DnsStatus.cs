using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;

namespace HomelabGate.Daemon.Status;

/// <summary>The DNS provider after a reconcile: what the plan did to it, the drift it repaired, the conflicts it left
/// alone, and the error that stopped it (a provider that could not be read counts, even with nothing to write).</summary>
public sealed record DnsStatus(string Provider, string? Error, string Summary, IReadOnlyList<DnsRecordChange> Repaired, IReadOnlyList<string> Conflicts)
{
    public static DnsStatus? From(DnsOutcome outcome, Plan plan)
    {
        var observation = outcome.Observation;
        if (!observation.IsConfigured)
        {
            return null;
        }
        var changes = plan.Of(ResourceKind.DnsRecord).ToList();
        var error = outcome.Error ?? (observation.Status is DnsObservationStatus.Failed or DnsObservationStatus.BackingOff ? observation.Problem : null);
        var summary = changes.Count == 0
            ? "No changes. DNS records match the configuration."
            : $"Plan: {changes.Count(c => c.Action == ChangeAction.Create)} to add, {changes.Count(c => c.Action == ChangeAction.Update)} to change, {changes.Count(c => c.Action == ChangeAction.Delete)} to destroy.";
        return new DnsStatus(observation.Provider, error, summary, [.. observation.Changes.Where(c => c.Drift is not null)], observation.Conflicts);
    }

    /// <summary>"dns A nas.home.test: deleted out of band".</summary>
    public static string Describe(DnsRecordChange change) => change.Drift switch
    {
        DnsDriftKind.DeletedOutOfBand => $"{change.Id}: deleted out of band",
        DnsDriftKind.ChangedOutOfBand => $"{change.Id}: changed out of band (found {change.Before?.Summary})",
        _ => change.Id.ToString(),
    };
}
