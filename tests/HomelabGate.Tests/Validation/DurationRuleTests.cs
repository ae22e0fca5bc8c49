using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Validation;

/// <summary>Durations the daemon cannot serve are refused by <c>gate validate</c>, with the field's range in the message.</summary>
public sealed class DurationRuleTests
{
    private static Diagnostic SingleError(string yaml)
    {
        var result = ManifestFixture.Load(yaml);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("0ms", "'certificates.c.lifetime' is 0ms; it must be from 1h to 825d")]
    [InlineData("1ms", "'certificates.c.lifetime' is 1ms; it must be from 1h to 825d")]
    [InlineData("59m", "'certificates.c.lifetime' is 59m; it must be from 1h to 825d")]
    [InlineData("826d", "'certificates.c.lifetime' is 826d; it must be from 1h to 825d")]
    [InlineData("5000000d", "'certificates.c.lifetime' is 5000000d; it must be from 1h to 825d")]
    [InlineData("99999999999999d", "'certificates.c.lifetime' is 99999999999999d, which is not a duration HomelabGate can use")]
    public void Rejects_a_certificate_lifetime_outside_an_hour_to_825_days(string lifetime, string summary)
    {
        var error = SingleError($"version: 1\nissuers: {{ local: {{ type: local-ca }} }}\ncertificates:\n  c: {{ issuer: local, domains: [a.home.test], lifetime: {lifetime} }}\n");

        Assert.Equal(DiagnosticCodes.OutOfRange, error.Code);
        Assert.Equal(summary, error.Summary);
        Assert.Equal(new SourceLocation("homelab.yaml", 4, 57), error.Location);
        Assert.Contains("825d (Apple's limit", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1h")]
    [InlineData("90d")]
    [InlineData("825d")]
    public void Accepts_a_certificate_lifetime_inside_the_bounds(string lifetime) =>
        Assert.True(ManifestFixture.Load($"version: 1\nissuers: {{ local: {{ type: local-ca, leafLifetime: {lifetime} }} }}\n").Succeeded);

    [Theory]
    [InlineData("healthCheck: { interval: 0ms }", "'upstreams.u.healthCheck.interval' is 0ms; it must be from 1s to 1d")]
    [InlineData("healthCheck: { timeout: 0ms }", "'upstreams.u.healthCheck.timeout' is 0ms; it must be from 1ms to 1h")]
    [InlineData("healthCheck: { interval: 30d }", "'upstreams.u.healthCheck.interval' is 30d; it must be from 1s to 1d")]
    [InlineData("passiveHealth: { reactivation: 0s }", "'upstreams.u.passiveHealth.reactivation' is 0s; it must be from 1s to 1d")]
    [InlineData("timeouts: { connect: 0ms }", "'upstreams.u.timeouts.connect' is 0ms; it must be from 1ms to 1h")]
    [InlineData("timeouts: { response: 50d }", "'upstreams.u.timeouts.response' is 50d; it must be from 1ms to 7d")]
    public void Rejects_pool_durations_yarp_or_a_timer_would_refuse(string setting, string summary)
    {
        var error = SingleError($"version: 1\nupstreams:\n  u:\n    targets: [\"http://10.0.0.5:80\"]\n    {setting}\n");

        Assert.Equal(summary, error.Summary);
        Assert.Equal(5, error.Location!.Line);
    }

    [Theory]
    [InlineData("timeout: 8d", "'hosts.h.timeout' is 8d; it must be from 0ms to 7d")]
    [InlineData("hsts: { maxAge: 99999d }", "'hosts.h.hsts.maxAge' is 99999d; it must be from 0ms to 3650d")]
    [InlineData("rateLimit: { requests: 5, window: 2d }", "'hosts.h.rateLimit.window' is 2d; it must be from 0ms to 1d")]
    public void Rejects_host_durations_past_their_range(string setting, string summary) =>
        Assert.Equal(summary, SingleError($"version: 1\nhosts:\n  h:\n    domains: [h.test]\n    to: http://10.0.0.5:80\n    {setting}\n").Summary);
}
