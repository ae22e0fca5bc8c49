using System.Net;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Integration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Integration;

/// <summary>RFC 9773 renewal timing through <see cref="AcmeIssuer"/>'s decision, with the CA scripted: the 90-day
/// certificate's one-third rule would renew on day 60, so ARI windows on other days show who decided.</summary>
public sealed class AcmeIssuerRenewalInfoTests : IDisposable
{
    private static readonly AcmeSettings Settings = new() { Directory = "https://ca.test/dir", Dns01 = new Dns01Settings { Provider = "exec", Command = "true" } };
    private readonly string _stateDir = Directory.CreateTempSubdirectory("hg-ari-").FullName;
    private readonly FakeTimeProvider _time = new(StoredLeaf.Day(0));
    private readonly ScriptedCaHandler _ca = new();
    private readonly ListLogger<AcmeIssuer> _log = new();
    private readonly SequenceRandom _random = new(0.5, 0.9);
    private readonly RenewalContext _context = StoredLeaf.Context();

    private readonly AcmeIssuer _issuer;

    public AcmeIssuerRenewalInfoTests()
    {
        var secrets = new EnvironmentAndFileSecretResolver();
        _issuer = new AcmeIssuer(_stateDir, secrets, _time, new DnsProviderFactory(_stateDir, secrets, _time), new RetryBackoff(_time), _log,
            new AcmeRenewalSchedule(_time, _random, _log, _ => _ca));
    }

    private Task<RenewalReason?> DecideAsync(AcmeSettings? settings = null) =>
        _issuer.DecideAsync(settings ?? Settings, _context, CancellationToken.None);

    [Fact]
    public async Task A_window_in_the_future_keeps_the_certificate_even_past_the_one_third_point_against_scripted_ari_responses()
    {
        _ca.ThenWindow(StoredLeaf.Day(80), StoredLeaf.Day(82), TimeSpan.FromHours(12));
        _time.SetUtcNow(StoredLeaf.Day(70));

        Assert.Null(await DecideAsync());
        _time.Advance(TimeSpan.FromHours(11));
        Assert.Null(await DecideAsync());

        Assert.Equal(["https://ca.test/dir", "https://ca.test" + StoredLeaf.AriPath(_context)], _ca.Requests.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public async Task Renews_with_a_reason_naming_ARI_once_the_point_chosen_inside_the_window_has_passed_against_scripted_ari_responses()
    {
        _ca.ThenWindow(StoredLeaf.Day(50), StoredLeaf.Day(52)).ThenWindow(StoredLeaf.Day(50), StoredLeaf.Day(52));
        _time.SetUtcNow(StoredLeaf.Day(50.5));

        Assert.Null(await DecideAsync());
        _time.SetUtcNow(StoredLeaf.Day(51).AddMinutes(1)); // past the 6-hour recheck: asked again, same window, same point
        var reason = await DecideAsync();

        Assert.Equal(RenewalReasonCode.NearingExpiry, reason?.Code);
        Assert.Equal("the CA's renewal information (ARI) suggests renewing between 2026-02-20 00:00:00Z and 2026-02-22 00:00:00Z; "
            + "the time chosen inside it, 2026-02-21 00:00:00Z, has come", reason!.Message);
        Assert.Equal(4, _ca.Requests.Count);
        Assert.Equal(1, _random.Calls);
    }

    [Fact]
    public async Task Renews_at_once_when_the_window_has_already_closed_against_scripted_ari_responses()
    {
        _ca.ThenWindow(StoredLeaf.Day(20), StoredLeaf.Day(21));
        _time.SetUtcNow(StoredLeaf.Day(30));

        var reason = await DecideAsync();

        Assert.EndsWith("between 2026-01-21 00:00:00Z and 2026-01-22 00:00:00Z, and that window has closed", reason?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, """{"type":"urn:ietf:params:acme:error:serverInternal","detail":"database on fire"}""")]
    [InlineData(HttpStatusCode.OK, """{"suggestedWindow":{"start":"soon"}}""")]
    [InlineData(HttpStatusCode.OK, "<html>not json</html>")]
    public async Task Falls_back_to_the_one_third_rule_and_logs_once_when_ARI_fails_against_scripted_ari_responses(HttpStatusCode status, string body)
    {
        _ca.Then(HttpStatusCode.OK, ScriptedCaHandler.DirectoryWithAri).Then(status, body)
            .Then(HttpStatusCode.OK, ScriptedCaHandler.DirectoryWithAri).Then(status, body);
        _time.SetUtcNow(StoredLeaf.Day(59));

        Assert.Null(await DecideAsync());
        _time.SetUtcNow(StoredLeaf.Day(60).AddMinutes(1)); // past the one-hour recheck after a failure: ARI fails again
        var reason = await DecideAsync();

        Assert.Equal(RenewalReasonCode.NearingExpiry, reason?.Code);
        Assert.StartsWith("renewal was due at 2026-03-02 00:00:00Z", reason!.Message, StringComparison.Ordinal);
        Assert.Equal(4, _ca.Requests.Count);
        var warning = Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
        Assert.StartsWith("Could not read the ACME renewal information (ARI) for certificate nas; the one-third-of-lifetime rule decides", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_renewBefore_still_renews_while_the_ARI_window_is_ahead_against_scripted_ari_responses()
    {
        _ca.ThenWindow(StoredLeaf.Day(80), StoredLeaf.Day(82));
        _time.SetUtcNow(StoredLeaf.Day(71));

        var reason = await DecideAsync(Settings with { RenewBefore = TimeSpan.FromDays(20) });

        Assert.StartsWith("renewal was due at 2026-03-12 00:00:00Z", reason?.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    /// <summary>Returns the given values in turn and counts the draws.</summary>
    private sealed class SequenceRandom(params double[] values) : Random
    {
        public int Calls { get; private set; }

        public override double NextDouble() => values[Calls++ % values.Length];
    }
}
