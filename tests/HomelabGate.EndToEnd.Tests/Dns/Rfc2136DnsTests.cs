using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Dns;

/// <summary>DNS records kept by <c>gate apply</c> and watched by <c>gate drift</c> on a real BIND through RFC 2136 with
/// TSIG, changed behind gate's back with the real <c>nsupdate</c> and read back with the real <c>dig</c>.</summary>
[Collection(BindCollection.Name)]
public sealed class Rfc2136DnsTests(BindFixture fixture) : IDisposable
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    private AcmeDnsEnvironment Bind => fixture.Environment;

    private Dictionary<string, string> Secret => new() { ["TSIG_SECRET"] = Bind.TsigSecret };

    private string Manifest() => Manifests.Header + $$"""
        dns:
          provider:
            type: rfc2136
            server: "{{Bind.DnsServer}}"
            zone: {{Bind.Zone}}
            tsig: { name: {{Bind.TsigKeyName}}, secret: "${env:TSIG_SECRET}" }
          auto: { target: 100.64.0.10 }
          records:
            - { name: nas.home.test, type: A, value: 192.168.1.5 }
            - { name: printer.home.test, type: A, value: 192.168.1.7, ttl: 600 }
            - { name: files.home.test, type: CNAME, value: nas.home.test }
        hosts:
          app:
            domains: [app.home.test]
            respond: { status: 200, body: "app" }

        """;

    [Fact]
    public async Task Gate_apply_creates_the_records_drift_names_out_of_band_edits_and_apply_repairs_them_leaving_hand_made_records_alone()
    {
        _workspace.WriteManifest(Manifest());

        var apply = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret);

        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}");
        Assert.Equal(["192.168.1.5"], await Bind.DigAsync("nas.home.test"));
        Assert.Equal(["192.168.1.7"], await Bind.DigAsync("printer.home.test"));
        Assert.Equal(["100.64.0.10"], await Bind.DigAsync("app.home.test"));
        Assert.Equal(["nas.home.test."], await Bind.DigAsync("files.home.test", "CNAME"));
        var inSync = await GateCommandWithEnvironment.RunAsync(_workspace, "drift", Secret);
        Assert.True(inSync.ExitCode == 0, $"gate drift right after apply: {inSync}");
        OutputAssert.Contains("No drift.", inSync.StandardOutput, "drift stdout");

        await Bind.NsupdateAsync(
            "update delete nas.home.test. A", "update add nas.home.test. 60 IN A 10.9.9.9",
            "update delete printer.home.test. A",
            "update add handmade.home.test. 60 IN A 10.1.2.3");

        var drift = await GateCommandWithEnvironment.RunAsync(_workspace, "drift", Secret);
        Assert.True(drift.ExitCode == 2, $"gate drift after nsupdate: {drift}");
        OutputAssert.Contains("dns A nas.home.test: changed out of band (expected 192.168.1.5, found 10.9.9.9)", drift.StandardOutput, "drift stdout");
        OutputAssert.Contains("dns A printer.home.test: deleted out of band", drift.StandardOutput, "drift stdout");
        Assert.DoesNotContain("handmade", drift.StandardOutput, StringComparison.Ordinal);

        var repair = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret);
        Assert.True(repair.ExitCode == 0, $"repairing gate apply: {repair}");
        Assert.Equal(["192.168.1.5"], await Bind.DigAsync("nas.home.test"));
        Assert.Equal(["192.168.1.7"], await Bind.DigAsync("printer.home.test"));
        Assert.Equal(["10.1.2.3"], await Bind.DigAsync("handmade.home.test"));
        var after = await GateCommandWithEnvironment.RunAsync(_workspace, "drift", Secret);
        Assert.True(after.ExitCode == 0, $"gate drift after the repair: {after}");
    }

    public void Dispose() => _workspace.Dispose();
}
