using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;

namespace HomelabGate.Tests.Planning;

/// <summary>The planner against what was observed: every change says why it is there, DNS comes from the provider when
/// it was read, certificates by the certificate system's verdict, and the proxy against what it serves.</summary>
public sealed class PlannerObservationTests
{
    private static readonly DnsRecord Nas = new() { Name = "nas.home.test", Type = "A", Values = new(["192.168.1.5"]) };
    private static readonly Certificate Web = new() { Name = "web", Issuer = "local", Domains = new(["web.home.test"]) };
    private static readonly ProxyHost App = new() { Name = "app", Domains = new(["app.home.test"]), Respond = new RespondAction(200, "", "text/plain") };

    private static Observation Observed(DesiredState? applied = null, DesiredState? served = null, DnsObservation? dns = null,
        params CertificateObservation[] certificates) =>
        new(applied ?? DesiredState.Empty, served ?? applied ?? DesiredState.Empty, dns ?? DnsObservation.NotConfigured, certificates);

    private static DnsObservation Dns(params DnsRecordChange[] changes) => new(DnsObservationStatus.Observed, "hosts-file", changes, [], null, null);

    [Fact]
    public void Every_change_of_a_fresh_manifest_says_it_is_new()
    {
        var desired = DesiredState.Of([App, Web]);

        var plan = Planner.Plan(desired, Observed(certificates: new CertificateObservation("web", new RenewalReason(RenewalReasonCode.Missing, "none"), null)));

        Assert.All(plan.Changes, c => Assert.StartsWith(ChangeReasons.New, c.Reason, StringComparison.Ordinal));
        Assert.Equal("new in the manifest; it will be issued", plan.Changes.Single(c => c.Id.Kind == ResourceKind.Certificate).Reason);
    }

    [Fact]
    public void A_dns_record_deleted_out_of_band_is_a_drift_repair_even_though_the_manifest_did_not_change()
    {
        var desired = DesiredState.Of([Nas]);

        var plan = Planner.Plan(desired, Observed(desired, dns: Dns(new DnsRecordChange(ChangeAction.Create, null, Nas, DnsDriftKind.DeletedOutOfBand))));

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ChangeAction.Create, "deleted out of band", ChangeCause.Drift), (change.Action, change.Reason, change.Cause));
    }

    [Fact]
    public void A_dns_provider_that_was_not_read_leaves_the_records_compared_with_the_applied_state_and_says_so()
    {
        var desired = DesiredState.Of([Nas]);
        var dns = DnsObservation.NotRead(DnsObservationStatus.Failed, "rfc2136", "connection refused");

        var plan = Planner.Plan(desired, Observed(dns: dns));

        Assert.Equal("dns A nas.home.test", Assert.Single(plan.Changes).Id.ToString());
        Assert.Equal(["DNS (rfc2136) was not read: connection refused; record changes are against the last applied state."], plan.Notes);
    }

    [Fact]
    public void An_unchanged_certificate_due_by_time_is_renewed_and_a_broken_one_is_drift()
    {
        var desired = DesiredState.Of([Web]);
        var due = new CertificateObservation("web", new RenewalReason(RenewalReasonCode.NearingExpiry, "renewal was due at x"), null);
        var broken = new CertificateObservation("web", new RenewalReason(RenewalReasonCode.KeyDoesNotMatchCertificate, "the key does not match"), null);

        var renew = Assert.Single(Planner.Plan(desired, Observed(desired, certificates: due)).Changes);
        var repair = Assert.Single(Planner.Plan(desired, Observed(desired, certificates: broken)).Changes);

        Assert.Equal((ChangeAction.Renew, "renewal was due at x", ChangeCause.Due), (renew.Action, renew.Reason, renew.Cause));
        Assert.Equal((ChangeAction.Renew, ChangeCause.Drift), (repair.Action, repair.Cause));
        Assert.Empty(Planner.Plan(desired, Observed(desired, certificates: new CertificateObservation("web", null, null))).Changes);
    }

    [Fact]
    public void A_certificate_that_backs_off_stays_in_the_plan_and_says_until_when()
    {
        var desired = DesiredState.Of([Web]);
        var waiting = new CertificateObservation("web", new RenewalReason(RenewalReasonCode.Expired, "expired"), null, "the last attempt failed (x); next attempt at y");

        var change = Assert.Single(Planner.Plan(desired, Observed(desired, certificates: waiting)).Changes);

        Assert.Equal("expired; waiting: the last attempt failed (x); next attempt at y", change.Reason);
        Assert.False(waiting.ShouldIssue);
    }

    [Fact]
    public void A_new_certificate_whose_files_are_already_valid_is_recorded_without_issuing()
    {
        var plan = Planner.Plan(DesiredState.Of([Web]), Observed(certificates: new CertificateObservation("web", null, DateTimeOffset.UnixEpoch)));

        Assert.Equal("new in the manifest; a valid certificate is already stored", Assert.Single(plan.Changes).Reason);
    }

    [Fact]
    public void Proxy_resources_are_compared_with_what_is_served_not_with_what_was_recorded()
    {
        var desired = DesiredState.Of([App]);

        var atStart = Planner.Plan(desired, Observed(applied: desired, served: DesiredState.Empty));

        Assert.Equal((ChangeAction.Create, "host app"), (Assert.Single(atStart.Changes).Action, atStart.Changes[0].Id.ToString()));
    }

    [Fact]
    public void A_changed_attribute_is_named_by_its_manifest_path_and_a_changed_secret_reference_without_its_value()
    {
        var before = new GatewaySettings { AdminToken = "${env:OLD_TOKEN}" };
        var after = new GatewaySettings { AdminToken = "${env:NEW_TOKEN}", HttpsListen = "0.0.0.0:443" };

        var change = Assert.Single(Planner.Plan(DesiredState.Of([after]), Observed(DesiredState.Of([before]))).Changes);

        Assert.Equal("changed: listen.https, adminToken", change.Reason);
    }
}
