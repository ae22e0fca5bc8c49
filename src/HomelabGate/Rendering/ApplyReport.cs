using HomelabGate.Application;
using HomelabGate.Certificates.Reconciling;

namespace HomelabGate.Rendering;

/// <summary>The lines after a plan that say what an offline apply did outside the proxy: DNS and certificates.</summary>
public static class ApplyReport
{
    public static void Write(OfflineApplyResult result, TextWriter output)
    {
        if (result.Dns.Configured)
        {
            output.WriteLine(result.Dns.Error is { } error
                ? $"DNS ({result.Dns.Provider}): failed: {error}"
                : $"DNS ({result.Dns.Provider}): {result.Dns.Plan!.Summary}");
            foreach (var conflict in result.Dns.Plan?.Conflicts ?? [])
            {
                output.WriteLine($"  conflict, left alone: {conflict}");
            }
            foreach (var drift in result.Dns.Plan?.Drift ?? [])
            {
                output.WriteLine($"  repaired drift: {drift}");
            }
        }
        foreach (var certificate in result.Certificates)
        {
            var state = certificate.Condition == CertificateCondition.Ready ? "ready" : "FAILED";
            output.WriteLine($"certificate {certificate.Name}: {state}: {certificate.Message}");
        }
    }
}
