using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;
using HomelabGate.Daemon;
using HomelabGate.Daemon.Status;
using HomelabGate.Status;

namespace HomelabGate.Tests.Daemon;

/// <summary>A fixed <see cref="StatusSnapshot"/> with a bit of everything: healthy, unhealthy and unchecked targets (one
/// in a host's own <c>to:</c> pool, with a password in its URL), certificates fine, amber, red and failed, streams, an
/// access list, request counts with 5xx, DNS drift and a conflict, an applied plan, and (optionally) a manifest that is
/// invalid now.</summary>
internal static class SampleSnapshot
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static StatusSnapshot Create(bool invalid = false)
    {
        var media = new ProxyHost { Name = "media", Domains = ValueList.From(["media.home.test", "jellyfin.home.test"]), Upstream = "media" };
        var plan = new Plan(ValueList.From([
            new ResourceChange(media.Id, ChangeAction.Create, null, media, ChangeReasons.New),
            new ResourceChange(new ResourceId(ResourceKind.Host, "old"), ChangeAction.Delete, media with { Name = "old" }, null, ChangeReasons.Removed(ResourceKind.Host)),
        ]), ValueList<string>.Empty);
        var applied = new ReconcileOutcome(ReconcileResult.Applied, "file change", Now.AddMinutes(-12), new string('a', 64), plan, [], null);
        var diagnostics = invalid
            ? new[] { Diagnostic.Error("HG3001", "unknown upstream 'meda'", new SourceLocation("homelab.yaml", 7, 15), "did you mean 'media'?") }
            : [];
        var last = invalid
            ? new ReconcileOutcome(ReconcileResult.Invalid, "file change", Now.AddSeconds(-5), null, null, diagnostics, "the manifest is invalid")
            : new ReconcileOutcome(ReconcileResult.Unchanged, "timer", Now.AddSeconds(-40), new string('a', 64), Plan.Empty, [], null);
        var record = new DnsRecord { Name = "media.home.test", Type = "A", Values = new(["192.168.1.10"]) };
        var dns = new DnsStatus("rfc2136 (ns1.home.test)", null, "Plan: 1 to add, 0 to change, 0 to destroy.",
            [new DnsRecordChange(ChangeAction.Create, null, record, DnsDriftKind.DeletedOutOfBand)],
            ["nas.home.test. A: a A record HomelabGate did not create already exists"]);
        return new StatusSnapshot(
            Now,
            Now.AddDays(-3),
            Ready: true,
            "/etc/homelabgate/homelab.yaml",
            new string('a', 64),
            new string('b', 64),
            [
                new HostStatus("media", ["media.home.test", "jellyfin.home.test"], ["media"], null, null)
                    { Certificate = "wildcard", Link = new HostLink("https", 8443), AccessList = "family" },
                new HostStatus("hello", ["hello.home.test"], [], 200, null) { Link = new HostLink("http", 80) },
                new HostStatus("old-wiki", ["wiki.home.test"], [], null, "https://docs.home.test/") { Certificate = "nas", Link = new HostLink("https", 443) },
                new HostStatus("vault", ["vault.home.test"], ["host:vault"], null, null) { Certificate = "wildcard", Link = new HostLink("https", 8443) },
                new HostStatus("<b>evil</b>", ["x.home.test", "*.apps.home.test"], ["ghost"], null, null),
            ],
            [
                new UpstreamStatus("media", [
                    new TargetStatus("http://192.168.1.10:8096/", TargetHealth.Healthy),
                    new TargetStatus("http://192.168.1.11:8096/", TargetHealth.Unhealthy) { Problem = "connection refused" },
                    new TargetStatus("http://192.168.1.12:8096/", TargetHealth.Unknown),
                ]) { Owner = "host media" },
                new UpstreamStatus("host:vault", [new TargetStatus("http://admin:hunter2@192.168.1.60:80/", TargetHealth.Healthy)]) { Owner = "host vault" },
            ],
            [
                new CertificateStatus("wildcard", CertificateCondition.Ready, "valid, renews in 40 days", true, Now.AddDays(70)) { NotBefore = Now.AddDays(-20) },
                new CertificateStatus("nas", CertificateCondition.Ready, "valid", true, Now.AddDays(9).AddHours(3)) { NotBefore = Now.AddDays(-81) },
                new CertificateStatus("old", CertificateCondition.Ready, "valid", true, Now.AddDays(3)) { NotBefore = Now.AddDays(-87) },
                new CertificateStatus("public", CertificateCondition.Failed, "ACME order failed: rate limited <retry later>", false, null),
            ],
            dns,
            last,
            invalid ? last : applied,
            applied,
            diagnostics)
        {
            Streams = [new StreamStatus("ssh", "0.0.0.0:2222", "192.168.1.20:22", null), new StreamStatus("mqtts", "0.0.0.0:8883", "192.168.1.40:1883", "wildcard")],
            AccessLists = [new AccessListStatus("family", 2, 1, 2, false, ["media"])],
            CertificateUses = new Dictionary<string, CertificateUse>
            {
                ["wildcard"] = new(["*.home.test", "home.test"], ["host media", "host vault", "stream mqtts"]),
                ["nas"] = new(["nas.home.test"], ["host old-wiki"]),
                ["old"] = new([], []),
            },
            Traffic = new Dictionary<string, HostTraffic> { ["media"] = new(12345, 17), ["hello"] = new(3, 0) },
        };
    }
}
