using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>After the plan: how each change went (failed and deferred ones by name), what DNS did, each certificate's
/// state, and the closing line.</summary>
public sealed class ApplyReport
{
    public void Write(ApplyResult result, TextWriter output)
    {
        foreach (var failed in result.Results.Where(r => r.Outcome != ChangeOutcome.Succeeded))
        {
            var word = failed.Outcome == ChangeOutcome.Failed ? "FAILED" : "waiting";
            output.WriteLine($"  {failed.Change.Action.Symbol(),3} {failed.Change.Id}: {word}: {failed.Detail}");
        }
        var dns = result.Dns.Observation;
        if (dns.IsConfigured)
        {
            output.WriteLine(result.Dns.Error is { } error ? $"DNS ({dns.Provider}): FAILED: {error}"
                : dns.Status != DnsObservationStatus.Observed ? $"DNS ({dns.Provider}) was not read: {dns.Problem}"
                : $"DNS ({dns.Provider}): {dns.Changes.Count} record changes written, {dns.Changes.Count(c => c.Drift is not null)} of them repairs of drift");
        }
        var reported = result.Results.Where(r => r.Outcome != ChangeOutcome.Succeeded).Select(r => r.Change.Id).ToHashSet();
        foreach (var certificate in result.Certificates.Statuses.Where(s => !reported.Contains(new Core.Desired.ResourceId(Core.Desired.ResourceKind.Certificate, s.Name))))
        {
            var state = certificate.Condition == CertificateCondition.Ready ? "ready" : "FAILED";
            output.WriteLine($"certificate {certificate.Name}: {state}: {certificate.Message}");
        }
        if (result.RecordError is { } recordError)
        {
            output.WriteLine($"The applied state could not be recorded: {recordError}");
        }
        var plan = result.Plan;
        output.WriteLine(result.Succeeded
            ? $"Apply complete! Resources: {plan.ToAdd} added, {plan.ToChange} changed, {plan.ToDestroy} destroyed."
            : "Apply finished with errors (above); what failed is kept as pending and tried again by the next apply or the daemon.");
    }
}
