using System.Security.Cryptography;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.Testing;

namespace HomelabGate.EndToEnd.Tests.Cluster;

/// <summary>A replica that cannot join says why at start and exits 1, and leaves etcd's state as it was.</summary>
[Collection(ClusterCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartErrorTests(ClusterInfrastructure infra)
{
    [Fact]
    public async Task A_wrong_encryption_key_unreachable_endpoints_and_wrong_credentials_stop_the_start_with_a_clear_error_and_overwrite_nothing()
    {
        await using var cluster = await ClusterReplicas.StartAsync(infra, count: 1);
        await cluster.ServedByAllAsync([0], TimeSpan.FromSeconds(60));
        await cluster.Gates[0]!.StopAsync();
        var state = await cluster.Etcd.CtlAsync("get", "--prefix", cluster.Prefix);

        var otherKey = Path.Combine(cluster.Workspaces[0].Root, "other.key");
        await File.WriteAllTextAsync(otherKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        cluster.WriteManifests(keyFile: otherKey);
        await AssertRefusedAsync(cluster, "encryptionKey is not the key the state");

        cluster.WriteManifests(endpoints: [$"http://127.0.0.1:{FreePorts.Next()}"]);
        await AssertRefusedAsync(cluster, "etcd did not answer at http://127.0.0.1:");

        Assert.Equal(state, await cluster.Etcd.CtlAsync("get", "--prefix", cluster.Prefix));

        await using var secured = await EtcdCluster.StartAsync(size: 1);
        await secured.CtlAsync("user", "add", "root:right-password");
        await secured.CtlAsync("auth", "enable");
        var password = Path.Combine(cluster.Workspaces[0].Root, "etcd.password");
        await File.WriteAllTextAsync(password, "wrong-password");
        var text = cluster.Manifest(cluster.HttpsPorts[0], "", "", cluster.KeyFile, secured.Endpoints)
            .Replace("prefix: ", $"username: root, password: \"${{file:{password}}}\", prefix: ", StringComparison.Ordinal);
        cluster.Workspaces[0].WriteManifest(text);
        await AssertRefusedAsync(cluster, "etcd refused user 'root'");
        Assert.DoesNotContain("wrong-password", cluster.Gates[0]!.Output, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(ClusterReplicas cluster, string expected)
    {
        await using var gate = GateProcess.Launch(cluster.Workspaces[0], cluster.Environment(0));
        cluster.Gates[0] = gate;
        Assert.Equal(1, await gate.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        OutputAssert.Contains(expected, gate.StandardError, "gate run's error");
        Assert.DoesNotContain("   at ", gate.StandardError, StringComparison.Ordinal);
    }
}
