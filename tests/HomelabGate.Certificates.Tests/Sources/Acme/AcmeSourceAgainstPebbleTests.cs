using HomelabGate.Acme.Http;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Testing.AcmeDns;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Certificates.Tests.Sources.Acme;

/// <summary>Pebble 2.4.0's directory has no renewalInfo: the real CA proves the fallback, where scripted ones cannot.</summary>
public sealed class AcmeSourceAgainstPebbleTests(PebbleFixture pebble) : IClassFixture<PebbleFixture>, IDisposable
{
    private readonly TempDirectory _state = new("hg-ari-pebble-");
    private readonly List<Uri> _requests = [];

    [Fact]
    public async Task A_directory_without_renewalInfo_leaves_timing_to_the_one_third_rule_and_makes_no_ARI_request_against_real_pebble()
    {
        var time = new FakeTimeProvider(StoredLeaf.Day(59.9));
        var settings = new AcmeSettings
        {
            Directory = pebble.Environment.DirectoryUrl, CaBundle = pebble.Environment.PebbleRootCa,
            Dns01 = new Dns01Settings { Provider = Dns01ProviderType.Exec, Command = "true" },
        };
        var (source, _) = AcmeSourceFactory.Create(_state.Path, time,
            s => new Recording(AcmeHttpHandler.Create(AcmeHttpHandler.LoadPemBundle(s.CaBundle!)), _requests));
        var stored = StoredLeaf.Stored();

        Assert.Null(await source.DueAsync(StoredLeaf.Work(settings), stored, ObservationScope.Full, CancellationToken.None));
        time.SetUtcNow(StoredLeaf.Day(60).AddMinutes(1));
        var reason = await source.DueAsync(StoredLeaf.Work(settings), stored, ObservationScope.Full, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.NearingExpiry, reason?.Code);
        Assert.StartsWith("renewal was due at 2026-03-02 00:00:00Z", reason!.Message, StringComparison.Ordinal);
        // One directory GET, then "no ARI" is remembered: no renewalInfo request, and no directory poll on the next reconcile.
        Assert.Equal([new Uri(pebble.Environment.DirectoryUrl)], _requests);
    }

    public void Dispose() => _state.Dispose();

    private sealed class Recording(HttpMessageHandler inner, List<Uri> requests) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
