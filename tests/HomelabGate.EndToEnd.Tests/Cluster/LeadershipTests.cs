using System.Diagnostics;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.Testing;
using Poll = HomelabGate.Testing.Poll;
using Xunit.Abstractions;

namespace HomelabGate.EndToEnd.Tests.Cluster;

/// <summary>Three replicas on a real 3-member etcd with pebble and BIND: one certificate order and one DNS write for the
/// three, all serving it; the leader killed with SIGKILL while requests keep flowing to the others.</summary>
[Collection(ClusterCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LeadershipTests(ClusterInfrastructure infra, ITestOutputHelper log)
{
    [Fact]
    public async Task Three_replicas_order_once_and_serve_it_and_after_kill_9_of_the_leader_another_takes_over_within_the_ttl_and_issues()
    {
        var orders = infra.Orders();
        await using var cluster = await ClusterReplicas.StartAsync(infra);
        var writes = 0;

        await cluster.ServedByAllAsync([0, 1, 2], TimeSpan.FromSeconds(60));
        var leader = await cluster.LeaderAsync();
        Assert.Equal(1, infra.Orders() - orders);
        await Poll.UntilAsync(() => Task.FromResult(infra.DnsWrites(cluster.Www) - writes), n => n > 0, "the leader wrote www", TimeSpan.FromSeconds(60), cluster.Context);
        Assert.Equal(1, infra.DnsWrites(cluster.Www) - writes);
        // Each replica learns of the others through etcd's watch: every view lists all three once the heartbeats are in.
        await Poll.UntilAsync(async () => await Task.WhenAll(cluster.Gates.Select(g => ClusterReplicas.ClusterAsync(g!))),
            v => v.All(c => c is not null && c.Replicas.Select(r => r.Id).SequenceEqual(["r0", "r1", "r2"])), "every replica lists the three",
            TimeSpan.FromSeconds(15), cluster.Context);
        var secrets = await cluster.Etcd.CtlAsync("get", "--prefix", cluster.Prefix + "/state/");
        Assert.Contains("certificates/public/cert.pem", secrets);
        Assert.DoesNotContain("PRIVATE KEY", secrets);

        var survivors = Enumerable.Range(0, 3).Where(i => i != leader).ToList();
        await using (var loop = new CurlLoop(i => cluster.CurlAsync(i), survivors).Start())
        {
            await Poll.UntilAsync(() => Task.FromResult(loop.Requests), n => n >= 4, "the curl loop runs");
            var killed = Stopwatch.StartNew();
            Process.GetProcessById(cluster.Gates[leader]!.Pid).Kill();
            await cluster.Gates[leader]!.WaitForExitAsync(TimeSpan.FromSeconds(5));
            var next = await cluster.LeaderAsync(TimeSpan.FromSeconds(20));
            var takeover = killed.Elapsed;
            log.WriteLine($"takeover by r{next} after kill -9 of r{leader}: {takeover.TotalMilliseconds:0} ms (lease TTL {ClusterReplicas.LeaseTtl.TotalSeconds} s)");
            Assert.NotEqual(leader, next);
            Assert.True(takeover <= ClusterReplicas.LeaseTtl + TimeSpan.FromSeconds(2), $"takeover took {takeover}");

            // The new leader carries on with certificates: a changed certificate is ordered once more, and served.
            var before = infra.Orders();
            foreach (var i in survivors)
            {
                cluster.Workspaces[i].WriteManifest(cluster.Manifest(cluster.HttpsPorts[i], ", more.home.test", "", cluster.KeyFile, cluster.Etcd.Endpoints));
            }
            await Poll.UntilAsync(() => Task.FromResult(infra.Orders() - before), n => n >= 1, "the new leader ordered the changed certificate",
                TimeSpan.FromSeconds(60), cluster.Context);
            await Poll.UntilAsync(async () => await Task.WhenAll(survivors.Select(i => ClusterReplicas.ClusterAsync(cluster.Gates[i]!))),
                v => v.All(c => c?.Replicas.Count == 2 && c.Replicas.Select(r => r.ContentHash).Distinct().Count() == 1), "the survivors serve the edit",
                TimeSpan.FromSeconds(60), cluster.Context);
            Assert.Equal(1, infra.Orders() - before);
            log.WriteLine($"curl loop: {loop.Requests} requests, {loop.Failures.Count} failures");
            Assert.Empty(loop.Failures);
        }
    }
}
