using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Acme;

/// <summary>Certificates ordered by <c>gate apply</c> from a real ACME CA (pebble), DNS-01 answered through RFC 2136 on
/// a real BIND, then served by <c>gate run</c>.</summary>
[Collection(PebbleCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AcmeIssuanceTests(PebbleFixture fixture) : IDisposable
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();
    private readonly int _httpsPort = FreePorts.Next();

    private AcmeDnsEnvironment Infra => fixture.Environment;

    private string CertificateDirectory => Path.Combine(_workspace.StateDir, "certificates", "public");

    private Dictionary<string, string> Secret(string secret) => new() { ["TSIG_SECRET"] = secret };

    [Fact]
    public async Task Gate_apply_orders_the_certificate_gate_run_serves_it_and_a_second_apply_does_not_order_again()
    {
        _workspace.WriteManifest(AcmeManifest.Template(Infra, _httpsPort));

        var first = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret(Infra.TsigSecret));

        Assert.True(first.ExitCode == 0, $"gate apply: {first}");
        OutputAssert.Contains("certificate public: ready", first.StandardOutput, "apply stdout");
        var files = Snapshot();
        var accountKeys = Directory.GetFiles(Path.Combine(_workspace.StateDir, "acme"));
        Assert.NotEmpty(accountKeys);
        Assert.All(accountKeys, key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));

        var second = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret(Infra.TsigSecret));

        Assert.True(second.ExitCode == 0, $"second gate apply: {second}");
        OutputAssert.Contains("certificate public: ready", second.StandardOutput, "second apply stdout");
        Assert.Equal(files, Snapshot());

        await using var gate = await GateProcess.StartAsync(_workspace);
        var port = _httpsPort.ToString(CultureInfo.InvariantCulture);
        var curl = await ProcessRunner.RunAsync("curl",
            ["-sS", "--noproxy", "*", "--max-time", "15", "--cacert", Infra.IssuerRoot, "--resolve", $"app.home.test:{port}:127.0.0.1", $"https://app.home.test:{port}/"],
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(curl.ExitCode == 0, $"curl trusting pebble's issuer root: {curl}\n--- daemon ---\n{gate.Output}");
        Assert.Equal(AcmeManifest.Body, curl.StandardOutput);
        Assert.Equal(files, Snapshot());
    }

    [Fact]
    public async Task A_wrong_tsig_secret_fails_gate_apply_with_badsig_and_leaves_the_issued_certificate_untouched()
    {
        _workspace.WriteManifest(AcmeManifest.Template(Infra, _httpsPort));
        var issued = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret(Infra.TsigSecret));
        Assert.True(issued.ExitCode == 0, $"first gate apply: {issued}");
        var files = Snapshot();
        // A new name forces a new order; the secret is the right length and encoding, only wrong.
        _workspace.WriteManifest(AcmeManifest.Template(Infra, _httpsPort, "[\"*.home.test\", home.test, extra.home.test]"));

        var apply = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret(Convert.ToBase64String(new byte[32])));

        Assert.True(apply.ExitCode == 1, $"gate apply with a wrong TSIG secret: {apply}");
        var output = apply.StandardOutput + apply.StandardError;
        OutputAssert.Contains("certificate public: FAILED", output, "apply output");
        OutputAssert.Contains("BADSIG", output, "apply output");
        OutputAssert.Contains("TSIG secret is wrong", output, "apply output");
        Assert.Equal(files, Snapshot());
    }

    [Fact]
    public async Task An_rsa_3072_certificate_is_ordered_with_a_3072_bit_key_and_plan_drift_and_apply_then_agree_it_is_not_due()
    {
        _workspace.WriteManifest(AcmeManifest.Template(Infra, _httpsPort, keyType: "rsa-3072"));

        var issued = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret(Infra.TsigSecret));

        Assert.True(issued.ExitCode == 0, $"gate apply: {issued}");
        var key = await ProcessRunner.RunAsync("openssl", ["pkey", "-in", Path.Combine(CertificateDirectory, "key.pem"), "-noout", "-text"], timeout: TimeSpan.FromSeconds(20));
        OutputAssert.Contains("Private-Key: (3072 bit", key.StandardOutput, "openssl pkey");
        var files = Snapshot();
        var plan = await GateCommandWithEnvironment.RunAsync(_workspace, "plan", Secret(Infra.TsigSecret));
        var drift = await GateCommandWithEnvironment.RunAsync(_workspace, "drift", Secret(Infra.TsigSecret));
        var again = await GateCommandWithEnvironment.RunAsync(_workspace, "apply", Secret(Infra.TsigSecret));

        Assert.True(plan.ExitCode == 0, $"gate plan after the order: {plan}");
        Assert.True(drift.ExitCode == 0, $"gate drift after the order: {drift}");
        Assert.True(again.ExitCode == 0, $"second gate apply: {again}");
        Assert.Equal(files, Snapshot());
    }

    /// <summary>Every file of the stored certificate with its bytes and modification time.</summary>
    private Dictionary<string, string> Snapshot() => Directory.GetFiles(CertificateDirectory).ToDictionary(
        f => Path.GetFileName(f),
        f => $"{File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}");

    public void Dispose() => _workspace.Dispose();
}
