using System.Net;
using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Challenges;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Challenges;

[Collection(BindCollection.Name)]
public sealed class Rfc2136Dns01SolverTests(BindFixture bind)
{
    private AuthoritativePropagationCheck Check() =>
        new([new IPEndPoint(IPAddress.Loopback, bind.Port)], TimeProvider.System, TimeSpan.FromMilliseconds(100));

    [Fact]
    public async Task Apex_and_wildcard_values_coexist_and_cleanup_removes_only_its_own_value()
    {
        var name = $"_acme-challenge.{bind.UniqueName("app")}";
        var apex = new Dns01Challenge("app.home.test", name, "apex-value");
        var wildcard = new Dns01Challenge("*.app.home.test", name, "wildcard-value");
        var solver = new Rfc2136Dns01Solver(bind.Client());

        await solver.PresentAsync(apex, default);
        await solver.PresentAsync(wildcard, default);
        Assert.Equal(["\"apex-value\"", "\"wildcard-value\""], await bind.DigAsync(name, "TXT"));

        await solver.CleanUpAsync(apex, default);
        Assert.Equal(["\"wildcard-value\""], await bind.DigAsync(name, "TXT"));
    }

    [Fact]
    public async Task The_propagation_check_sees_a_presented_value_on_the_authoritative_server()
    {
        var challenge = new Dns01Challenge("x.home.test", $"_acme-challenge.{bind.UniqueName("x")}", "visible-value");
        await new Rfc2136Dns01Solver(bind.Client()).PresentAsync(challenge, default);

        Assert.True(await Check().WaitUntilVisibleAsync(challenge, TimeSpan.FromSeconds(5), default));
    }

    [Fact]
    public async Task The_propagation_check_gives_up_after_its_bound_when_the_value_never_appears()
    {
        var challenge = new Dns01Challenge("y.home.test", $"_acme-challenge.{bind.UniqueName("y")}", "never-published");
        var started = DateTimeOffset.UtcNow;

        var visible = await Check().WaitUntilVisibleAsync(challenge, TimeSpan.FromMilliseconds(500), default);

        Assert.False(visible);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(4));
    }
}
