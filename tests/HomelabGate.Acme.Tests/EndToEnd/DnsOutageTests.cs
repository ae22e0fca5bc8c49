using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Tests.Infrastructure;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Tests.EndToEnd;

/// <summary>Owns its environment: it stops that BIND in the middle of an order.</summary>
public sealed class DnsOutageTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private AcmeDnsEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await AcmeDnsEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task A_DNS_server_that_stops_before_validation_fails_the_order_cleanly_and_cleanup_is_attempted()
    {
        using var acme = new AcmeTestClient(_env);
        var name = $"{AcmeTestClient.UniqueLabel("outage")}.{_env.Zone}";
        var solver = new RecordingSolver(_env.CreateSolver());
        // Stop named after the record is confirmed visible, just before the CA is asked to look it up.
        var check = new StopAfterVisible(_env.CreatePropagationCheck(), _env.StopDnsServer);

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() =>
            acme.Runner.OrderAsync(new AcmeOrderRequest([name]), solver, check, CancellationToken.None));

        output.WriteLine(error.Message);
        Assert.Contains($"_acme-challenge.{name}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("the CA", error.Message, StringComparison.Ordinal);
        Assert.Equal(solver.Presented, solver.CleanedUp);
        Assert.Contains(acme.Log, l => l.StartsWith($"could not remove the TXT record _acme-challenge.{name}", StringComparison.Ordinal));
    }

    private sealed class StopAfterVisible(IDnsPropagationCheck inner, Action stop) : IDnsPropagationCheck
    {
        public async Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var visible = await inner.WaitUntilVisibleAsync(challenge, timeout, cancellationToken);
            stop();
            return visible;
        }
    }
}
