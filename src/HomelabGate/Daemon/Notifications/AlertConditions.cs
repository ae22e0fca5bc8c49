using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Daemon.Health;
using HomelabGate.Daemon.Status;
using HomelabGate.Status;

namespace HomelabGate.Daemon.Notifications;

/// <summary>What in a status snapshot is worth telling a person, in the manifest's names: an invalid manifest, a
/// certificate that failed, one within 7 days of expiry (red on the status page), a target that is down.</summary>
public static class AlertConditions
{
    public static IReadOnlyList<AlertCondition> Of(StatusSnapshot snapshot)
    {
        var conditions = new List<AlertCondition>();
        if (snapshot.ManifestInvalid)
        {
            var errors = snapshot.CurrentDiagnostics.Where(d => d.IsError).Select(DiagnosticLine.Format).ToList();
            conditions.Add(new("manifest-invalid", NotificationEvent.ManifestInvalid, "manifest", snapshot.ManifestPath, "the manifest",
                "the manifest is invalid",
                $"{snapshot.ManifestPath} has {errors.Count} {(errors.Count == 1 ? "error" : "errors")}; the first: {errors.FirstOrDefault()}. Nothing of it was applied; the last good configuration keeps serving.",
                "the manifest is valid again", string.Join('\n', errors)));
        }
        foreach (var certificate in snapshot.Certificates)
        {
            if (Certificate(certificate, snapshot.GeneratedAt) is { } condition)
            {
                conditions.Add(condition);
            }
        }
        foreach (var upstream in snapshot.Upstreams)
        {
            var down = upstream.Targets.Where(t => t.Health == TargetHealth.Unhealthy).ToList();
            var next = down.Count == upstream.Targets.Count ? "no target is left, so its requests get 503" : "traffic goes to the other targets";
            foreach (var target in down)
            {
                var where = upstream.Owner ?? $"upstream {upstream.Name}";
                var url = TargetProblem.Redact(target.Url);
                conditions.Add(new($"target-down:{upstream.Name}:{target.Url}", NotificationEvent.TargetDown, "target", url, where,
                    $"{where}: target {url} is down",
                    $"{where}: target {url} fails its health checks{(target.Problem is { } why ? $" ({why})" : "")}; {next}.",
                    $"{where}: target {url} is back"));
            }
        }
        return conditions;
    }

    private static AlertCondition? Certificate(CertificateStatus certificate, DateTimeOffset now)
    {
        var where = $"certificate {certificate.Name}";
        if (certificate.Condition == CertificateCondition.Failed)
        {
            return new($"certificate-failed:{certificate.Name}", NotificationEvent.CertificateFailed, "certificate", certificate.Name, where,
                $"{where} could not be issued", $"{where}: {certificate.Message}. It is tried again after a back-off.",
                $"{where} is issued and ready again");
        }
        if (certificate.NotAfter is not { } notAfter || CertificateExpiry.Level(certificate.NotBefore, notAfter, now) is not (ExpiryLevel.Red or ExpiryLevel.Expired))
        {
            return null;
        }
        var left = CertificateExpiry.Describe(notAfter, now);
        return new($"certificate-expiring:{certificate.Name}", NotificationEvent.CertificateExpiring, "certificate", certificate.Name, where,
            notAfter <= now ? $"{where} {left}" : $"{where} expires in {left}",
            $"{where} is valid until {notAfter:u}; it has not been renewed. Clients will refuse it once it expires.",
            $"{where} was renewed");
    }
}
