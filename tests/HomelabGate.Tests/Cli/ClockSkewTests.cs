using HomelabGate.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Cli;

/// <summary>A Raspberry Pi without a real-time clock boots with a wrong time: a certificate renewed while the clock ran
/// 80 days ahead is not valid yet once NTP set it right. Plan, drift and cert list all say so, and apply issues it
/// again.</summary>
public sealed class ClockSkewTests : IDisposable
{
    private readonly TempDirectory _dir = new("hg-skew-");

    [Fact]
    public async Task Certificates_issued_while_the_clock_ran_ahead_are_reissued_once_it_is_set_right()
    {
        var manifest = _dir.Write("homelab.yaml", "version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n  web: { issuer: local, domains: [web.home.test] }\n");
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(ExitCodes.Success, (await At(now).RunAsync("apply", "-f", manifest)).ExitCode);
        // The clock jumps 80 days ahead: past the renewal point of a 90-day certificate, so it is renewed then.
        var ahead = await At(now.AddDays(80)).RunAsync("apply", "-f", manifest);
        Assert.Contains("↻ certificate web", ahead.Output, StringComparison.Ordinal);
        var corrected = At(now.AddDays(1));

        var plan = await corrected.RunAsync("plan", "-f", manifest);
        var drift = await corrected.RunAsync("drift", "-f", manifest);
        var list = await corrected.RunAsync("cert", "list", "-f", manifest);

        Assert.Equal(ExitCodes.Changes, plan.ExitCode);
        Assert.Contains("↻ certificate web", plan.Output, StringComparison.Ordinal);
        Assert.Contains("was the clock wrong when it was issued?", plan.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Changes, drift.ExitCode);
        Assert.Contains("certificate web: the certificate is not valid until", drift.Output, StringComparison.Ordinal);
        Assert.Contains("now (not valid before", list.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await corrected.RunAsync("apply", "-f", manifest)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await corrected.RunAsync("plan", "-f", manifest)).ExitCode);
        Assert.DoesNotContain("not valid before", (await corrected.RunAsync("cert", "list", "-f", manifest)).Output, StringComparison.Ordinal);
    }

    private static CliHost At(DateTimeOffset time) => new(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(time))));

    public void Dispose() => _dir.Dispose();
}
