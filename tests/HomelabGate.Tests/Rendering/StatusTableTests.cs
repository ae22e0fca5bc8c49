using HomelabGate.Core.Engine;
using HomelabGate.Status;
using HomelabGate.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Rendering;

public sealed class StatusTableTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static StatusDocument Status(string certificateNotAfter, TargetHealth health, bool valid = true, string? dnsError = null) => new(
        StartedAt: Clock.GetUtcNow(),
        Ready: true,
        Manifest: "homelab.yaml",
        ServingManifestHash: "37c4bffc6a872a17bc537753a5bdd78e84471fbd8da05ac41d2a190b48e79544",
        ServingContentHash: null,
        ManifestValid: valid,
        CurrentDiagnostics: valid ? [] : ["homelab.yaml:3:1: error HG1005: x"],
        Hosts: [new HostDocument("media", ["jellyfin.home.test", "media.home.test"], ["media"])],
        Last: null,
        Upstreams: [new UpstreamDocument("media", [new TargetDocument("http://10.0.0.5:8096", health)])],
        Certificates: [new CertificateDocument("wild", CertificateCondition.Ready, "valid", true,
            DateTimeOffset.Parse(certificateNotAfter, System.Globalization.CultureInfo.InvariantCulture))],
        Dns: new DnsDocument("pihole", dnsError, "No changes.", [], []));

    [Fact]
    public void Prints_one_row_per_resource_with_its_condition()
    {
        var table = new StatusTable(Clock);
        var output = new StringWriter();
        table.Render(table.Rows(Status("2027-02-24T12:00:00Z", TargetHealth.Healthy)), output);
        Golden.Match("status-table.txt", output.ToString());
    }

    [Fact]
    public void Marks_an_unhealthy_target_and_an_expiring_certificate_as_drifted_and_broken_parts_as_failed()
    {
        var rows = new StatusTable(Clock).Rows(Status("2026-12-01T12:00:00Z", TargetHealth.Unhealthy, valid: false, dnsError: "REFUSED"));
        Assert.Equal(Condition.Failed, rows.Single(r => r.Resource == "manifest").Condition);
        Assert.Equal(Condition.Drifted, rows.Single(r => r.Resource == "upstream media").Condition);
        Assert.Equal(Condition.Drifted, rows.Single(r => r.Resource == "certificate wild").Condition);
        Assert.Contains("5 days left", rows.Single(r => r.Resource == "certificate wild").Detail, StringComparison.Ordinal);
        Assert.Equal(Condition.Failed, rows.Single(r => r.Resource == "dns pihole").Condition);
    }

    [Fact]
    public void Names_a_hosts_own_pool_by_its_host_never_by_its_internal_name()
    {
        var status = Status("2027-02-24T12:00:00Z", TargetHealth.Unhealthy) with
        {
            Upstreams = [new UpstreamDocument("host:vault", [new TargetDocument("http://10.0.0.6:80", TargetHealth.Unhealthy)]) { Owner = "host vault" }],
        };

        var rows = new StatusTable(Clock).Rows(status);

        Assert.Equal(Condition.Drifted, rows.Single(r => r.Resource == "host vault").Condition);
        Assert.DoesNotContain(rows, r => r.Resource.Contains("host:", StringComparison.Ordinal));
    }
}
