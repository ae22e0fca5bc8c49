using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;

namespace HomelabGate.Core.Planning;

/// <summary>The words a plan uses to say why a change is there. Attribute paths come from the unredacted resource, so a
/// changed secret reference is named ("changed: adminToken") while its value never appears.</summary>
public static class ChangeReasons
{
    public const string New = "new in the manifest";

    public static string Removed(ResourceKind kind) => kind == ResourceKind.Certificate
        ? "removed from the manifest (its files stay in the state directory)"
        : "removed from the manifest";

    public static string Changed(Resource before, Resource after) => Changed(ResourceAttributes.ChangedPaths(before, after));

    /// <summary>"changed: a, b", or the first three "and N more".</summary>
    public static string Changed(IReadOnlyList<string> paths) =>
        paths.Count switch
        {
            0 => "changed",
            <= 4 => $"changed: {string.Join(", ", paths)}",
            _ => $"changed: {string.Join(", ", paths.Take(3))} and {paths.Count - 3} more",
        };

    public static string NewCertificate(RenewalReason? due) => due switch
    {
        null => $"{New}; a valid certificate is already stored",
        { Code: RenewalReasonCode.Missing } => $"{New}; it will be issued",
        _ => $"{New}; it will be issued: {due.Message}",
    };

    public static string WithDue(string reason, RenewalReason? due) => due is null ? reason : $"{reason}; {due.Message}";

    public static string Waiting(string reason, CertificateObservation? observation) =>
        observation?.Waiting is { } waiting ? $"{reason}; waiting: {waiting}" : reason;

    public static string Dns(DnsRecordChange change, DesiredState applied)
    {
        var recorded = applied.Resources.FirstOrDefault(r => r.Id == change.Id);
        return (change.Drift, change.Action) switch
        {
            (Engine.DnsDriftKind.DeletedOutOfBand, _) => "deleted out of band",
            (Engine.DnsDriftKind.ChangedOutOfBand, _) => "changed out of band",
            (_, Planning.ChangeAction.Delete) => Removed(ResourceKind.DnsRecord),
            (_, Planning.ChangeAction.Create) when recorded is not null => "missing at the provider (an earlier apply did not write it)",
            (_, Planning.ChangeAction.Create) => New,
            _ when recorded is not null && recorded.Equals(change.After) => $"differs at the provider (found {change.Before?.Summary})",
            _ => change.Before is { } before && change.After is { } after ? Changed(before, after) : "changed",
        };
    }
}
