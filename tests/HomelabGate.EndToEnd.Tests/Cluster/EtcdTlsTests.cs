using System.Security.Cryptography;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.Testing;

namespace HomelabGate.EndToEnd.Tests.Cluster;

/// <summary><c>settings.cluster.etcd.tls</c> against a real etcd that speaks only TLS and requires a client certificate
/// (<c>--client-cert-auth</c>), as a hardened cluster is run: the replica joins and keeps its state there; without the
/// client certificate, or without the CA that signed etcd's certificate, it stops at start with one clear line.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EtcdTlsTests
{
    private const string Prefix = "/hg-tls";

    [Fact]
    public async Task A_replica_joins_an_etcd_that_requires_TLS_and_a_client_certificate_and_is_refused_without_either()
    {
        await using var etcd = await EtcdCluster.StartAsync(size: 1, tls: true);
        var tls = etcd.Tls!;
        using var workspace = GateWorkspace.Create();
        var key = Path.Combine(workspace.Root, "cluster.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var environment = new Dictionary<string, string> { ["HOMELABGATE_REPLICA"] = "r0" };

        workspace.WriteManifest(Manifest(etcd, key, $"{{ ca: {tls.Ca}, cert: {tls.ClientCert}, key: {tls.ClientKey} }}"));
        string served;
        await using (var gate = await GateProcess.StartAsync(workspace, environment))
        {
            await Poll.UntilAsync(() => ClusterReplicas.ClusterAsync(gate), c => c?.Role == "leader", "the replica leads over TLS",
                TimeSpan.FromSeconds(30), () => gate.Output);
            // The local CA it created and the certificate it signed live in etcd, not in a state directory.
            var keys = await Poll.UntilAsync(() => etcd.CtlAsync("get", "--prefix", "--keys-only", $"{Prefix}/state/"),
                k => k.Contains("web", StringComparison.Ordinal), "the signed certificate is stored in etcd", TimeSpan.FromSeconds(30), () => gate.Output);
            Assert.Contains("ca", keys, StringComparison.Ordinal);
            Assert.Equal("web", (await gate.GetAsync("web.home.test")).Body);
            // Devices fetch the root from any replica; it comes from etcd, as no state directory holds it.
            var root = await TestHttp.GetAsync(new Uri($"http://{workspace.Ports.AdminAddress}/ca.pem"));
            Assert.True(root.Status == 200, root.Body);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", root.Body, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(workspace.StateDir, "ca", "root.pem")));
            served = root.Body;
        }

        // gate cert and gate ca on a node read the cluster's state too (the manifest names it; no --state-dir given).
        var list = await Cli("cert", "list", "-f", workspace.ManifestPath);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("web", list.StandardOutput, StringComparison.Ordinal);
        var export = await Cli("ca", "export", "-f", workspace.ManifestPath);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(served.Trim(), export.StandardOutput.Trim());

        workspace.WriteManifest(Manifest(etcd, key, $"{{ ca: {tls.Ca} }}"));
        await AssertRefusedAsync(workspace, environment, "if it runs with --client-cert-auth, set settings.cluster.etcd.tls.cert and tls.key");

        workspace.WriteManifest(Manifest(etcd, key, $"{{ cert: {tls.ClientCert}, key: {tls.ClientKey} }}"));
        await AssertRefusedAsync(workspace, environment, "etcd's certificate is not trusted; set settings.cluster.etcd.tls.ca");
    }

    private static Task<ProcessResult> Cli(params string[] arguments) =>
        ProcessRunner.RunAsync(GateBinary.DotnetHost, GateBinary.Arguments(arguments), timeout: TimeSpan.FromSeconds(30));

    private static async Task AssertRefusedAsync(GateWorkspace workspace, Dictionary<string, string> environment, string expected)
    {
        await using var gate = GateProcess.Launch(workspace, environment);
        Assert.Equal(1, await gate.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        OutputAssert.Contains(expected, gate.StandardError, "gate run's error");
        Assert.DoesNotContain("   at ", gate.StandardError, StringComparison.Ordinal);
        Assert.Single(gate.StandardError.Trim().Split('\n'));
    }

    private static string Manifest(EtcdCluster etcd, string keyFile, string tls) => Manifests.Header + $$"""
          cluster:
            etcd: { endpoints: ["{{etcd.Endpoint(0)}}"], prefix: "{{Prefix}}", tls: {{tls}} }
            leaseTtl: 3s
            encryptionKey: "${file:{{keyFile}}}"
        issuers:
          local: { type: local-ca }
        certificates:
          web: { issuer: local, domains: [web.home.test] }
        hosts:
          web:
            domains: [web.home.test]
            respond: { body: web }

        """;
}
