using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Every duration of a manifest with its path and the range the daemon can serve: timers and cancellation
/// (health probes, timeouts) refuse zero and overflow past ~24 days, and certificates have their own bounds.</summary>
internal static class DurationFields
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private static readonly DurationLimit Probe = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "health probes run from 1s to 1d apart");
    private static readonly DurationLimit ProbeTimeout = new(Millisecond, TimeSpan.FromHours(1), "a probe needs a timeout above zero and at most 1h");
    private static readonly DurationLimit Reactivation = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "a failed target is retried after 1s to 1d");
    private static readonly DurationLimit Connect = new(Millisecond, TimeSpan.FromHours(1), "a connect timeout is above zero and at most 1h");
    private static readonly DurationLimit Response = new(Millisecond, TimeSpan.FromDays(7), "a response timeout is above zero and at most 7d");
    private static readonly DurationLimit IdleUpgraded = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), "an idle WebSocket is closed after 1s to 7d (leave it out to keep it open)");
    private static readonly DurationLimit RequestTimeout = new(TimeSpan.Zero, TimeSpan.FromDays(7), "0s means no limit; otherwise at most 7d");
    private static readonly DurationLimit Window = new(TimeSpan.Zero, TimeSpan.FromDays(1), "a rate-limit window is at most 1d");
    private static readonly DurationLimit HstsMaxAge = new(TimeSpan.Zero, TimeSpan.FromDays(3650), "HSTS max-age is at most 10 years (1 year is usual)");
    private static readonly DurationLimit Lifetime = new(CertificateLifetime.Minimum, CertificateLifetime.Maximum,
        "at least 1h (renewal starts at one third of the lifetime left) and at most 825d (Apple's limit for TLS certificates)");
    private static readonly DurationLimit RenewBefore = new(TimeSpan.FromMinutes(1), CertificateLifetime.Maximum, "renew from 1m to 825d before expiry");
    private static readonly DurationLimit Propagation = new(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "DNS propagation is awaited for 1s to 1h");

    public static IEnumerable<(string Path, string? Text, DurationLimit Limit)> Of(ManifestSpec spec)
    {
        foreach (var (name, upstream) in spec.Upstreams)
        {
            var path = $"upstreams.{name}";
            yield return ($"{path}.healthCheck.interval", upstream.HealthCheck?.Interval, Probe);
            yield return ($"{path}.healthCheck.timeout", upstream.HealthCheck?.Timeout, ProbeTimeout);
            yield return ($"{path}.passiveHealth.reactivation", upstream.PassiveHealth?.Reactivation, Reactivation);
            yield return ($"{path}.timeouts.connect", upstream.Timeouts?.Connect, Connect);
            yield return ($"{path}.timeouts.response", upstream.Timeouts?.Response, Response);
            yield return ($"{path}.timeouts.idleUpgraded", upstream.Timeouts?.IdleUpgraded, IdleUpgraded);
        }
        foreach (var (name, host) in spec.Hosts)
        {
            yield return ($"hosts.{name}.healthCheck.interval", host.HealthCheck?.Interval, Probe);
            yield return ($"hosts.{name}.healthCheck.timeout", host.HealthCheck?.Timeout, ProbeTimeout);
            yield return ($"hosts.{name}.timeout", host.Timeout, RequestTimeout);
            yield return ($"hosts.{name}.rateLimit.window", host.RateLimit?.Window, Window);
            yield return ($"hosts.{name}.hsts.maxAge", host.Hsts?.MaxAge, HstsMaxAge);
        }
        foreach (var (name, certificate) in spec.Certificates)
        {
            yield return ($"certificates.{name}.lifetime", certificate.Lifetime, Lifetime);
        }
        foreach (var (name, issuer) in spec.Issuers)
        {
            yield return ($"issuers.{name}.leafLifetime", issuer.LeafLifetime, Lifetime);
            yield return ($"issuers.{name}.renewBefore", issuer.RenewBefore, RenewBefore);
            yield return ($"issuers.{name}.dns01.propagationTimeout", issuer.Dns01?.PropagationTimeout, Propagation);
        }
    }
}
