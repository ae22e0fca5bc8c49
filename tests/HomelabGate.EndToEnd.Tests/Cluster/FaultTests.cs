using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.Testing;
using Xunit.Abstractions;
using Poll = HomelabGate.Testing.Poll;

namespace HomelabGate.EndToEnd.Tests.Cluster;

/// <summary>The leader paused past its lease, and etcd members lost: counts of orders and DNS writes prove who acted.</summary>
[Collection(ClusterCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FaultTests(ClusterInfrastructure infra, ITestOutputHelper log)
{
    private const string Late = "\n    - { name: late.home.test, type: A, value: 10.9.9.9 }";

    [Fact]
    public async Task A_leader_stopped_past_its_lease_and_continued_performs_no_side_effect_after_the_new_leader_took_over()
    {
        await using var cluster = await ClusterReplicas.StartAsync(infra);
        await cluster.ServedByAllAsync([0, 1, 2], TimeSpan.FromSeconds(60));
        var paused = await cluster.LeaderAsync();
        await UnixSignal.SendAsync(cluster.Gates[paused]!.Pid, "STOP");
        try
        {
            var others = Enumerable.Range(0, 3).Where(i => i != paused).ToList();
            var next = await Poll.UntilAsync(async () => await ClusterReplicas.ClusterAsync(cluster.Gates[others[0]]!), c => c?.Leader is { } l && l != $"r{paused}",
                "another replica leads", TimeSpan.FromSeconds(20), cluster.Context);
            log.WriteLine($"r{paused} stopped; {next!.Leader} leads");

            // While it sleeps, the manifest asks for a new certificate name and a new record: the new leader does both, once.
            var orders = infra.Orders();
            cluster.WriteManifests(", paused.home.test", Late);
            await Poll.UntilAsync(() => Task.FromResult(infra.DnsWrites("late")), n => n > 0, "the new leader wrote late", TimeSpan.FromSeconds(60), cluster.Context);
            await Poll.UntilAsync(() => Task.FromResult(infra.Orders() - orders), n => n == 1, "the new leader ordered", TimeSpan.FromSeconds(60), cluster.Context);
            await cluster.ServedByAllAsync(others, TimeSpan.FromSeconds(60), "paused.home.test");
            var (ordersBefore, writesBefore) = (infra.Orders(), infra.DnsWrites("late"));

            await UnixSignal.SendAsync(cluster.Gates[paused]!.Pid, "CONT");
            // Woken, it reconciles the edit it slept through (file events, the overdue timer) as a follower, and serves it.
            await cluster.ServedByAllAsync([paused], TimeSpan.FromSeconds(30), "paused.home.test");
            var view = await Poll.UntilAsync(async () => await ClusterReplicas.ClusterAsync(cluster.Gates[paused]!), c => c?.Role == "follower",
                "the resumed replica follows", TimeSpan.FromSeconds(20), cluster.Context);
            Assert.Equal(next.Leader, view!.Leader);
            Assert.Equal(ordersBefore, infra.Orders());
            Assert.Equal(writesBefore, infra.DnsWrites("late"));
        }
        finally
        {
            await UnixSignal.SendAsync(cluster.Gates[paused]!.Pid, "CONT");
        }
    }

    [Fact]
    public async Task One_etcd_member_lost_changes_nothing_two_lost_keep_serving_without_side_effects_and_the_cluster_recovers()
    {
        await using var cluster = await ClusterReplicas.StartAsync(infra);
        await cluster.ServedByAllAsync([0, 1, 2], TimeSpan.FromSeconds(60));
        await cluster.LeaderAsync();
        await using var loop = new CurlLoop(i => cluster.CurlAsync(i), [0, 1, 2]).Start();

        await cluster.Etcd.KillAsync(0);
        var writes = infra.DnsWrites("late");
        cluster.WriteManifests(extraRecords: Late);
        await Poll.UntilAsync(() => Task.FromResult(infra.DnsWrites("late") - writes), n => n > 0, "with 2 of 3 members the leader still writes DNS",
            TimeSpan.FromSeconds(30), cluster.Context);
        await cluster.LeaderAsync();

        await cluster.Etcd.KillAsync(1);
        foreach (var gate in cluster.Gates)
        {
            var readyz = await Poll.UntilAsync(() => TestHttp.GetAsync(new Uri($"http://{gate!.Workspace.Ports.AdminAddress}/readyz")),
                r => r.Body.Contains("degraded", StringComparison.Ordinal), "readyz says degraded", TimeSpan.FromSeconds(30), cluster.Context);
            Assert.Equal(200, readyz.Status);
        }
        var lost = infra.DnsWrites("lost");
        cluster.WriteManifests(extraRecords: Late + "\n    - { name: lost.home.test, type: A, value: 10.8.8.8 }");
        // Served config still moves (each replica applies its proxy), but nobody may write DNS without quorum.
        await Poll.UntilAsync(async () => await Task.WhenAll(cluster.Gates.Select(g => ClusterReplicas.ClusterAsync(g!))),
            v => v.All(c => c is { Degraded: true, Role: "follower" }), "every replica is a degraded follower", TimeSpan.FromSeconds(30), cluster.Context);
        Assert.Equal(lost, infra.DnsWrites("lost"));

        cluster.Etcd.Restart(0);
        cluster.Etcd.Restart(1);
        await cluster.LeaderAsync(TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(() => Task.FromResult(infra.DnsWrites("lost") - lost), n => n > 0, "back with quorum, the leader writes what waited",
            TimeSpan.FromSeconds(60), cluster.Context);
        foreach (var gate in cluster.Gates)
        {
            await Poll.UntilAsync(() => TestHttp.GetAsync(new Uri($"http://{gate!.Workspace.Ports.AdminAddress}/readyz")),
                r => r.Body == "ready\n", "readyz is ready again", TimeSpan.FromSeconds(30), cluster.Context);
        }
        log.WriteLine($"curl loop across member losses: {loop.Requests} requests, {loop.Failures.Count} failures");
        Assert.Empty(loop.Failures);
    }
}
