using HomelabGate.Acme.Http;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Integration;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Integration;

/// <summary>Pebble 2.4.0's directory has no renewalInfo: the real CA proves the fallback, where scripted ones cannot.</summary>
public sealed class AcmeIssuerAgainstPebbleTests(PebbleFixture pebble) : IClassFixture<PebbleFixture>, IDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("hg-ari-pebble-").FullName;
    private readonly List<Uri> _requests = [];

    [Fact]
    public async Task A_directory_without_renewalInfo_leaves_timing_to_the_one_third_rule_and_makes_no_ARI_request_against_real_pebble()
    {
        var time = new FakeTimeProvider(StoredLeaf.Day(59.9));
        var settings = new AcmeSettings { Directory = pebble.DirectoryUrl, CaBundle = pebble.PebbleRootCa, Dns01 = new Dns01Settings { Provider = "exec", Command = "true" } };
        var secrets = new EnvironmentAndFileSecretResolver();
        var schedule = new AcmeRenewalSchedule(time, Random.Shared, new ListLogger<AcmeIssuer>(),
            s => new Recording(AcmeHttpHandler.Create(AcmeHttpHandler.LoadPemBundle(s.CaBundle!)), _requests));
        var issuer = new AcmeIssuer(_stateDir, secrets, time, new DnsProviderFactory(_stateDir, secrets, time), new RetryBackoff(time), new ListLogger<AcmeIssuer>(), schedule);
        var context = StoredLeaf.Context();

        Assert.Null(await issuer.DecideAsync(settings, context, CancellationToken.None));
        time.SetUtcNow(StoredLeaf.Day(60).AddMinutes(1));
        var reason = await issuer.DecideAsync(settings, context, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.NearingExpiry, reason?.Code);
        Assert.StartsWith("renewal was due at 2026-03-02 00:00:00Z", reason!.Message, StringComparison.Ordinal);
        // One directory GET, then "no ARI" is remembered: no renewalInfo request, and no directory poll on the next reconcile.
        Assert.Equal([new Uri(pebble.DirectoryUrl)], _requests);
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private sealed class Recording(HttpMessageHandler inner, List<Uri> requests) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
