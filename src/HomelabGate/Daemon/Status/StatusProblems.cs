using HomelabGate.Core.Engine;
using HomelabGate.Status;

namespace HomelabGate.Daemon.Status;

/// <summary>Everything in a snapshot that is not fine, in the manifest's names, most serious first. The page's badge and
/// its problem list both come from here, so the badge is never green while a target is down or anything failed.</summary>
public static class StatusProblems
{
    public static IReadOnlyList<StatusProblem> Of(StatusSnapshot snapshot)
    {
        var problems = new List<StatusProblem>();
        if (!snapshot.Ready)
        {
            problems.Add(new(true, "nothing is served yet: no configuration was applied", "last-apply"));
        }
        if (snapshot.ManifestInvalid)
        {
            var errors = snapshot.CurrentDiagnostics.Count(d => d.IsError);
            problems.Add(new(true, $"the manifest is invalid ({errors} {(errors == 1 ? "error" : "errors")}); the last good configuration keeps serving", "validation"));
        }
        if (snapshot.LastChange is { Result: ReconcileResult.Failed } failed)
        {
            problems.Add(new(true, $"the last apply failed in part: {failed.Message}", "last-apply"));
        }
        foreach (var upstream in snapshot.Upstreams)
        {
            foreach (var target in upstream.Targets.Where(t => t.Health == TargetHealth.Unhealthy))
            {
                problems.Add(new(true, $"{upstream.Owner ?? $"upstream {upstream.Name}"}: target {Health.TargetProblem.Redact(target.Url)} is down{(target.Problem is { } why ? $" ({why})" : "")}", "hosts"));
            }
        }
        problems.AddRange(snapshot.Certificates.Select(c => Certificate(c, snapshot.GeneratedAt)).OfType<StatusProblem>());
        if (snapshot.Dns is { } dns)
        {
            if (dns.Error is { } error)
            {
                problems.Add(new(true, $"DNS ({dns.Provider}): {error}", "dns"));
            }
            problems.AddRange(dns.Conflicts.Select(c => new StatusProblem(false, $"DNS conflict left alone: {c}", "dns")));
        }
        return [.. problems.OrderByDescending(p => p.Serious)];
    }

    private static StatusProblem? Certificate(CertificateStatus certificate, DateTimeOffset now)
    {
        if (certificate.Condition == CertificateCondition.Failed)
        {
            return new(true, $"certificate {certificate.Name}: {certificate.Message}", "certificates");
        }
        if (certificate.NotAfter is not { } notAfter)
        {
            return null;
        }
        var left = CertificateExpiry.Describe(notAfter, now);
        return CertificateExpiry.Level(certificate.NotBefore, notAfter, now) switch
        {
            ExpiryLevel.Expired => new(true, $"certificate {certificate.Name} {left}", "certificates"),
            ExpiryLevel.Red => new(true, $"certificate {certificate.Name} expires in {left}", "certificates"),
            ExpiryLevel.Amber => new(false, $"certificate {certificate.Name} expires in {left} (renewal should have happened)", "certificates"),
            ExpiryLevel.Fine => null,
            _ => throw new ArgumentOutOfRangeException(nameof(certificate), certificate.Name, null),
        };
    }
}
