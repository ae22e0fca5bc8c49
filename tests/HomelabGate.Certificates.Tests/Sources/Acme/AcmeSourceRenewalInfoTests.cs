using System.Net;
using HomelabGate.Certificates.Sources.Acme;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Certificates.Tests.Sources.Acme;

/// <summary>RFC 9773 renewal timing through <see cref="AcmeSource"/>'s verdict, with the CA scripted: the 90-day
/// certificate's one-third rule would renew on day 60, so ARI windows on other days show who decided.</summary>
public sealed class AcmeSourceRenewalInfoTests : IDisposable
{
    private static readonly AcmeSettings Settings = new()
    {
        Directory = "https://ca.test/dir", Dns01 = new Dns01Settings { Provider = Dns01ProviderType.Exec, Command = "true" },
    };

    private readonly TempDirectory _state = new("hg-ari-");
    private readonly FakeTimeProvider _time = new(StoredLeaf.Day(0));
    private readonly ScriptedCaHandler _ca = new();
    private readonly StoredCertificateRead _stored = StoredLeaf.Stored();
    private readonly AcmeSource _source;
    private readonly ListLogger<AcmeRenewalSchedule> _log;

    public AcmeSourceRenewalInfoTests() => (_source, _log) = AcmeSourceFactory.Create(_state.Path, _time, _ => _ca);

    private Task<RenewalReason?> DecideAsync(AcmeSettings? settings = null) =>
        _source.DueAsync(StoredLeaf.Work(settings ?? Settings), _stored, ObservationScope.Full, CancellationToken.None);

    /// <summary>Where inside [start, end) the schedule renews this certificate: fixed by its ARI id.</summary>
    private DateTimeOffset Chosen(DateTimeOffset start, DateTimeOffset end) =>
        start + (end - start) * AcmeRenewalSchedule.PointInWindow(StoredLeaf.CertificateId(_stored));

    [Fact]
    public async Task A_window_in_the_future_keeps_the_certificate_even_past_the_one_third_point_against_scripted_ari_responses()
    {
        _ca.ThenWindow(StoredLeaf.Day(80), StoredLeaf.Day(82), TimeSpan.FromHours(12));
        _time.SetUtcNow(StoredLeaf.Day(70));

        Assert.Null(await DecideAsync());
        _time.Advance(TimeSpan.FromHours(11));
        Assert.Null(await DecideAsync());

        Assert.Equal(["https://ca.test/dir", "https://ca.test" + StoredLeaf.AriPath(_stored)], _ca.Requests.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public async Task Renews_with_a_reason_naming_ARI_once_the_point_chosen_inside_the_window_has_passed_against_scripted_ari_responses()
    {
        // Windows of 12 days, asked for twice: the second answer comes after the 6-hour recheck.
        var (start, end) = (StoredLeaf.Day(40), StoredLeaf.Day(52));
        _ca.ThenWindow(start, end).ThenWindow(start, end);
        var chosen = Chosen(start, end);
        _time.SetUtcNow(start);

        Assert.Null(await DecideAsync());
        _time.SetUtcNow(chosen < start.AddHours(7) ? start.AddHours(7) : chosen); // past the recheck: asked again, same window, same point
        var reason = await DecideAsync();

        Assert.Equal(RenewalReasonCode.NearingExpiry, reason?.Code);
        Assert.Equal($"the CA's renewal information (ARI) suggests renewing between {start:u} and {end:u}; the time chosen inside it, {chosen:u}, has come",
            reason!.Message);
        Assert.Equal(4, _ca.Requests.Count);
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

    [Fact]
    public async Task The_daemon_and_gate_plan_choose_the_same_point_in_a_window_so_they_agree_on_due()
    {
        var (start, end) = (StoredLeaf.Day(50), StoredLeaf.Day(60));
        var daemonCa = new ScriptedCaHandler().ThenWindow(start, end);
        var planCa = new ScriptedCaHandler().ThenWindow(start, end);
        var (daemon, _) = AcmeSourceFactory.Create(_state.Path, _time, _ => daemonCa);
        var (plan, _) = AcmeSourceFactory.Create(_state.Path, _time, _ => planCa);
        _time.SetUtcNow(Chosen(start, end).AddSeconds(-1));

        Assert.Null(await daemon.DueAsync(StoredLeaf.Work(Settings), _stored, ObservationScope.Full, CancellationToken.None));
        Assert.Null(await plan.DueAsync(StoredLeaf.Work(Settings), _stored, ObservationScope.Full, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await daemon.DueAsync(StoredLeaf.Work(Settings), _stored, ObservationScope.Full, CancellationToken.None));
        Assert.NotNull(await plan.DueAsync(StoredLeaf.Work(Settings), _stored, ObservationScope.Full, CancellationToken.None));
    }

    [Fact]
    public async Task Without_the_network_the_one_third_rule_decides_and_the_CA_is_not_asked()
    {
        _time.SetUtcNow(StoredLeaf.Day(60).AddMinutes(1));

        var reason = await _source.DueAsync(StoredLeaf.Work(Settings), _stored, ObservationScope.Local, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.NearingExpiry, reason?.Code);
        Assert.Empty(_ca.Requests);
    }

    public void Dispose() => _state.Dispose();
}
