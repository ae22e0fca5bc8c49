using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Retry;
using HomelabGate.Core.Secrets;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Rfc2136;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Dns.Tests.Reconciliation;

public sealed class DnsSystemTests : IDisposable
{
    private readonly TempDirectory _dir = new("hg-dns-system-");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DnsSystem _system;

    public DnsSystemTests()
    {
        var secrets = new EnvironmentAndFileSecretResolver();
        _system = new DnsSystem(new DnsProviderFactory(_dir.Path, new Rfc2136ClientFactory(secrets, _time), secrets), new RetryBackoff(_time));
    }

    public void Dispose() => _dir.Dispose();

    private static DesiredState Desired(string address, string hostsPath) => DesiredState.Of(
    [
        new GatewaySettings { Dns = new DnsProviderSettings { Type = DnsProviderType.HostsFile, Path = hostsPath } },
        new DnsRecord { Name = "nas.home.test", Type = "A", Values = new([address]) },
    ]);

    /// <returns>The error that stopped observing or writing, or null when the records were written.</returns>
    private async Task<string?> ApplyAsync(DesiredState desired)
    {
        var observation = await _system.ObserveAsync(desired, CancellationToken.None);
        if (observation.Status != DnsObservationStatus.Observed)
        {
            return observation.Problem;
        }
        try
        {
            await (observation.Prepared?.ApplyAsync(CancellationToken.None) ?? Task.CompletedTask);
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    [Fact]
    public async Task After_a_failure_the_same_configuration_waits_but_an_edited_one_is_tried_at_once()
    {
        // A directory where the hosts file should be: the write fails.
        var blocked = Directory.CreateDirectory(_dir.Combine("hosts-is-a-directory")).FullName;

        Assert.NotNull(await ApplyAsync(Desired("10.0.0.5", blocked)));
        Assert.StartsWith("the last attempt failed", await ApplyAsync(Desired("10.0.0.5", blocked)), StringComparison.Ordinal);

        var fixedPath = _dir.Combine("hosts");
        Assert.Null(await ApplyAsync(Desired("10.0.0.5", fixedPath)));
        Assert.Contains("10.0.0.5 nas.home.test", File.ReadAllText(fixedPath), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain("next attempt", await ApplyAsync(Desired("10.0.0.5", blocked)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observing_plans_the_record_changes_and_writes_nothing()
    {
        var hosts = _dir.Combine("hosts");

        var observation = await _system.ObserveAsync(Desired("10.0.0.5", hosts), CancellationToken.None);

        Assert.Equal(DnsObservationStatus.Observed, observation.Status);
        var change = Assert.Single(observation.Changes);
        Assert.Equal("dns A nas.home.test", change.Id.ToString());
        Assert.Null(change.Drift);
        Assert.False(File.Exists(hosts));
    }

    [Fact]
    public async Task A_record_deleted_out_of_band_is_observed_as_drift_and_restored_by_the_prepared_changes()
    {
        var hosts = _dir.Combine("hosts");
        Assert.Null(await ApplyAsync(Desired("10.0.0.5", hosts)));
        File.WriteAllText(hosts, "");

        var observation = await _system.ObserveAsync(Desired("10.0.0.5", hosts), CancellationToken.None);

        Assert.Equal(DnsDriftKind.DeletedOutOfBand, Assert.Single(observation.Changes).Drift);
        await observation.Prepared!.ApplyAsync(CancellationToken.None);
        Assert.Contains("10.0.0.5 nas.home.test", File.ReadAllText(hosts), StringComparison.Ordinal);
    }
}
