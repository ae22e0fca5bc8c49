using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Integration;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Integration;

public sealed class DnsStepTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-dnsstep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DesiredState Desired(string address, string hostsPath) => DesiredState.Of(
    [
        new GatewaySettings { Dns = new DnsProviderSettings { Type = "hosts-file", Path = hostsPath } },
        new DnsRecord { Name = "nas.home.test", Type = "A", Values = new([address]) },
    ]);

    [Fact]
    public async Task After_a_failure_the_same_configuration_waits_but_an_edited_one_is_tried_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var step = new DnsStep(new DnsProviderFactory(_dir, new EnvironmentAndFileSecretResolver(), time), new RetryBackoff(time));
        // A directory where the hosts file should be: the write fails.
        var blocked = Directory.CreateDirectory(Path.Combine(_dir, "hosts-is-a-directory")).FullName;

        var first = await step.RunAsync(Desired("10.0.0.5", blocked), apply: true, CancellationToken.None);
        Assert.NotNull(first.Error);
        var second = await step.RunAsync(Desired("10.0.0.5", blocked), apply: true, CancellationToken.None);
        Assert.StartsWith("the last attempt failed", second.Error, StringComparison.Ordinal);

        var fixedPath = Path.Combine(_dir, "hosts");
        var edited = await step.RunAsync(Desired("10.0.0.5", fixedPath), apply: true, CancellationToken.None);
        Assert.Null(edited.Error);
        Assert.Contains("10.0.0.5 nas.home.test", File.ReadAllText(fixedPath), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(2));
        var retried = await step.RunAsync(Desired("10.0.0.5", blocked), apply: true, CancellationToken.None);
        Assert.DoesNotContain("next attempt", retried.Error, StringComparison.Ordinal);
    }
}
