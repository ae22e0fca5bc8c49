using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;

namespace HomelabGate.Tests.Engine;

/// <summary>The one rule for what is recorded as applied: what succeeded, as the manifest wants it; what failed, as it
/// was, so the next plan still shows it.</summary>
public sealed class AppliedStateRecorderTests
{
    private static readonly DnsRecord OldNas = new() { Name = "nas.home.test", Type = "A", Values = new(["192.168.1.5"]) };
    private static readonly DnsRecord NewNas = OldNas with { Values = new(["192.168.1.6"]) };
    private static readonly Certificate OldWeb = new() { Name = "web", Issuer = "local", Domains = new(["web.home.test"]) };
    private static readonly Certificate NewWeb = OldWeb with { Domains = new(["web.home.test", "www.home.test"]) };
    private static readonly ProxyHost OldApp = new() { Name = "app", Domains = new(["app.home.test"]), Respond = new RespondAction(200, "", "text/plain") };
    private static readonly ProxyHost NewApp = OldApp with { Domains = new(["app2.home.test"]) };

    private static readonly DesiredState Applied = DesiredState.Of([OldNas, OldWeb, OldApp]);
    private static readonly DesiredState Desired = DesiredState.Of([NewNas, NewWeb, NewApp]);

    [Fact]
    public void Everything_that_succeeded_is_recorded_as_the_manifest_wants_it()
    {
        Assert.Equal(Desired, AppliedStateRecorder.Record(Desired, Applied, dnsSucceeded: true, new HashSet<string>(), proxySucceeded: true));
    }

    [Fact]
    public void A_dns_failure_keeps_the_old_records_and_only_them()
    {
        var recorded = AppliedStateRecorder.Record(Desired, Applied, dnsSucceeded: false, new HashSet<string>(), proxySucceeded: true);

        Assert.Equal(DesiredState.Of([OldNas, NewWeb, NewApp]), recorded);
    }

    [Fact]
    public void A_failed_certificate_keeps_its_old_entry_and_a_new_one_that_failed_is_not_recorded()
    {
        var brandNew = new Certificate { Name = "new", Issuer = "local", Domains = new(["new.home.test"]) };
        var desired = DesiredState.Of([.. Desired.Resources, brandNew]);

        var recorded = AppliedStateRecorder.Record(desired, Applied, dnsSucceeded: true, new HashSet<string> { "web", "new" }, proxySucceeded: true);

        Assert.Equal(DesiredState.Of([NewNas, OldWeb, NewApp]), recorded);
    }

    [Fact]
    public void A_rejected_proxy_configuration_keeps_every_old_proxy_resource()
    {
        var recorded = AppliedStateRecorder.Record(Desired, Applied, dnsSucceeded: true, new HashSet<string>(), proxySucceeded: false);

        Assert.Equal(DesiredState.Of([NewNas, NewWeb, OldApp]), recorded);
    }
}
