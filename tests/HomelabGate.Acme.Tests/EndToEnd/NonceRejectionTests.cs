using System.Diagnostics;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HomelabGate.Acme.Tests.EndToEnd;

[Collection(NonceRejectingPebbleCollection.Name)]
public sealed class NonceRejectionTests(NonceRejectingPebbleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Issuance_succeeds_when_the_CA_rejects_half_of_all_nonces()
    {
        var env = fixture.Environment;
        BadNonceCounter? counter = null;
        using var acme = new AcmeTestClient(env, wrap: inner => counter = new BadNonceCounter(inner));
        var apex = $"{AcmeTestClient.UniqueLabel("nonce")}.{env.Zone}";

        var watch = Stopwatch.StartNew();
        var issued = await acme.Runner.OrderAsync(new AcmeOrderRequest([apex, "*." + apex]), env.CreateSolver(), env.CreatePropagationCheck(), CancellationToken.None);
        output.WriteLine($"TIMING ours, wildcard + apex with 50 % badNonce: {watch.ElapsedMilliseconds} ms");

        Assert.Equal("leaf.pem: OK", await CertificateChecks.OpensslVerifyAsync(issued, env.IssuerRoot));
        output.WriteLine($"signed POSTs: {counter!.Posts}, rejected with badNonce and retried: {counter.Rejections}");
        // At 50 %, an order of ~12 POSTs without a single rejection would be a 1-in-4096 fluke; fewer than 3 is under 0.5 %.
        Assert.True(counter.Rejections >= 3, $"only {counter.Rejections} of {counter.Posts} POSTs were rejected; is PEBBLE_WFE_NONCEREJECT applied?");
    }
}
