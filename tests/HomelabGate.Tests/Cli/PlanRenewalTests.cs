using HomelabGate.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Cli;

/// <summary>A certificate due by time is work in the plan, as the daemon sees it: the one engine decides.</summary>
public sealed class PlanRenewalTests : IDisposable
{
    private readonly TempDirectory _dir = new("hg-renew-");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Plan_shows_a_renewal_once_a_certificate_is_inside_its_window_and_exits_two()
    {
        var manifest = _dir.Write("homelab.yaml", "version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n  web: { issuer: local, domains: [web.home.test] }\n");
        var gate = new CliHost(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
        Assert.Equal(ExitCodes.Success, (await gate.RunAsync("apply", "-f", manifest)).ExitCode);

        var fresh = await gate.RunAsync("plan", "-f", manifest);
        Assert.Equal(ExitCodes.Success, fresh.ExitCode);

        _time.Advance(TimeSpan.FromDays(61));
        var due = await gate.RunAsync("plan", "-f", manifest);
        Assert.Equal(ExitCodes.Changes, due.ExitCode);
        Assert.Contains("↻ certificate web (local, web.home.test)", due.Output, StringComparison.Ordinal);
        Assert.Contains("# renewal was due at", due.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await gate.RunAsync("apply", "-f", manifest)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await gate.RunAsync("plan", "-f", manifest)).ExitCode);
    }
}
