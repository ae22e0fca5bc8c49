using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Validation;

/// <summary>Numbers, sizes and names the schema now bounds because the daemon could not serve them (found by the
/// generated-manifest property in Serving/).</summary>
public sealed class RangeTests
{
    private static Diagnostic SingleError(string yaml) => Assert.Single(ManifestFixture.Load(yaml).Diagnostics, d => d.IsError);

    [Theory]
    [InlineData("0", "'hosts.h.maxBodySize' is 0; it must be from 1B to 1024GB")]
    [InlineData("1025GB", "'hosts.h.maxBodySize' is 1025GB; it must be from 1B to 1024GB")]
    [InlineData("99999999999GB", "'hosts.h.maxBodySize' is 99999999999GB; it must be from 1B to 1024GB")]
    public void Rejects_a_body_size_that_is_zero_or_overflows(string size, string summary)
    {
        var error = SingleError($"version: 1\nhosts:\n  h: {{ domains: [h.test], to: http://10.0.0.5:80, maxBodySize: \"{size}\" }}\n");

        Assert.Equal(DiagnosticCodes.OutOfRange, error.Code);
        Assert.Equal(summary, error.Summary);
    }

    [Theory]
    [InlineData("healthCheck: { healthyThreshold: 2147483648 }", "'upstreams.u.healthCheck.healthyThreshold' is out of range", "use a value from 1 to 1000")]
    [InlineData("passiveHealth: { consecutiveFailures: 1001 }", "'upstreams.u.passiveHealth.consecutiveFailures' is out of range", "use a value from 1 to 1000")]
    [InlineData("sticky: { cookie: \"\" }", "'upstreams.u.sticky.cookie' is not in the expected format", "The affinity cookie's name: letters, digits and !#$%&'*+-.^_`|~ (default hg_affinity).")]
    [InlineData("sticky: { cookie: \"a b\" }", "'upstreams.u.sticky.cookie' is not in the expected format", "The affinity cookie's name: letters, digits and !#$%&'*+-.^_`|~ (default hg_affinity).")]
    public void Rejects_pool_settings_yarp_would_refuse_or_an_int_cannot_hold(string setting, string summary, string hint)
    {
        var error = SingleError($"version: 1\nupstreams:\n  u:\n    targets: [\"http://10.0.0.5:80\"]\n    {setting}\n");

        Assert.Equal(summary, error.Summary);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(5, error.Location!.Line);
    }

    [Fact]
    public void Rejects_a_rate_limit_an_int_cannot_hold() =>
        Assert.Equal("'hosts.h.rateLimit.requests' is out of range",
            SingleError("version: 1\nhosts:\n  h: { domains: [h.test], to: http://10.0.0.5:80, rateLimit: { requests: 99999999999 } }\n").Summary);
}
