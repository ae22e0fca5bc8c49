namespace HomelabGate.EndToEnd.Tests.Cluster;

/// <summary>BIND 9 + pebble of their own for the cluster tests, so the counts of orders and DNS writes are theirs alone
/// (the tests of this collection run one after another).</summary>
public sealed class ClusterInfrastructure : PebbleFixture
{
    public AcmeDnsEnvironment Acme => Environment;

    /// <summary>Orders pebble created (one "There are now N orders in the db" line each). Not its "POST /order-plz"
    /// lines: pebble rejects 5 % of nonces by default, and the client's retry of a rejected newOrder is a second POST
    /// for the same one order (a clean-clone CI run counted two).</summary>
    public int Orders() => Lines("pebble.log").Count(l => l.Contains("orders in the db", StringComparison.Ordinal));

    /// <summary>RFC 2136 writes BIND applied to <paramref name="name"/> (its update log has one line per record added or deleted).</summary>
    public int DnsWrites(string name) => Lines("named.log").Count(l => l.Contains("updating zone", StringComparison.Ordinal)
        && l.Contains($"'{name}.{Acme.Zone}'", StringComparison.Ordinal));

    private string[] Lines(string log)
    {
        var path = Path.Combine(Acme.StateDir, "logs", log);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n');
    }
}

/// <summary>Runs alone, after the parallel collections: three etcd members, three daemons and pebble on two cores would
/// starve the other daemons' start-up (and their timing would starve the lease).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClusterInfrastructure>
{
    public const string Name = "e2e cluster (etcd, pebble, bind)";
}
