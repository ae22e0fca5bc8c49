using System.Text.Json.Nodes;
using HomelabGate.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Rendering;

public sealed class StatusTableTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static JsonObject Status(string certificateNotAfter, string health, bool valid = true, string? dnsError = null) => JsonNode.Parse($$"""
        {
          "manifestValid": {{(valid ? "true" : "false")}},
          "currentDiagnostics": {{(valid ? "[]" : "[\"homelab.yaml:3:1: error HG1005: x\"]")}},
          "servingManifestHash": "37c4bffc6a872a17bc537753a5bdd78e84471fbd8da05ac41d2a190b48e79544",
          "hosts": [ { "name": "media", "domains": ["jellyfin.home.test", "media.home.test"] } ],
          "upstreams": [ { "name": "media", "targets": [ { "url": "http://10.0.0.5:8096", "health": "{{health}}" } ] } ],
          "certificates": [ { "name": "wild", "condition": "Ready", "message": "valid", "notAfter": "{{certificateNotAfter}}" } ],
          "dns": { "provider": "pihole", "error": {{(dnsError is null ? "null" : $"\"{dnsError}\"")}}, "summary": "No changes.", "conflicts": [] }
        }
        """)!.AsObject();

    [Fact]
    public void Prints_one_row_per_resource_with_its_condition()
    {
        var table = new StatusTable(Clock);
        var output = new StringWriter();
        table.Render(table.Rows(Status("2027-02-24T12:00:00Z", "healthy")), output);
        Golden.Match("status-table.txt", output.ToString());
    }

    [Fact]
    public void Marks_an_unhealthy_target_and_an_expiring_certificate_as_drifted_and_broken_parts_as_failed()
    {
        var rows = new StatusTable(Clock).Rows(Status("2026-12-01T12:00:00Z", "unhealthy", valid: false, dnsError: "REFUSED"));
        Assert.Equal(Condition.Failed, rows.Single(r => r.Resource == "manifest").Condition);
        Assert.Equal(Condition.Drifted, rows.Single(r => r.Resource == "upstream media").Condition);
        Assert.Equal(Condition.Drifted, rows.Single(r => r.Resource == "certificate wild").Condition);
        Assert.Contains("5 days left", rows.Single(r => r.Resource == "certificate wild").Detail, StringComparison.Ordinal);
        Assert.Equal(Condition.Failed, rows.Single(r => r.Resource == "dns pihole").Condition);
    }
}
