using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>After the plan: how each change went (failed and deferred ones by name), what DNS did, and the closing line.</summary>
public sealed class ApplyReport
{
    public void Write(ApplyResult result, TextWriter output)
    {
        foreach (var failed in result.Results.Where(r => r.Outcome != ChangeOutcome.Succeeded))
        {
            var word = failed.Outcome == ChangeOutcome.Failed ? "FAILED" : "waiting";
            output.WriteLine($"  {failed.Change.Action.Symbol(),3} {failed.Change.Id}: {word}: {failed.Detail}");
        }
        if (result.Dns.Observation.IsConfigured && result.Dns.Error is null && result.Dns.Observation.Status != DnsObservationStatus.Observed)
        {
            output.WriteLine($"DNS ({result.Dns.Observation.Provider}) was not read: {result.Dns.Observation.Problem}");
        }
        foreach (var certificate in result.Certificates.Statuses.Where(s => s.Condition == CertificateCondition.Failed && result.Plan.Of(Core.Desired.ResourceKind.Certificate).All(c => c.Id.Name != s.Name)))
        {
            output.WriteLine($"certificate {certificate.Name}: FAILED: {certificate.Message}");
        }
        var plan = result.Plan;
        output.WriteLine(result.Succeeded
            ? $"Apply complete! Resources: {plan.ToAdd} added, {plan.ToChange} changed, {plan.ToDestroy} destroyed."
            : "Apply finished with errors (above); what failed is kept as pending and tried again by the next apply or the daemon.");
    }
}
