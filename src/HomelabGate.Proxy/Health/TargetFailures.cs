using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Health;

/// <summary>How many requests to each upstream target failed in a row, by pool and URL, and whether it counts as
/// failing (it reached the pool's threshold and nothing succeeded since). Fed by the passive policy on every proxied
/// request; read by the status, which keeps a failing target unhealthy after YARP's reactivation period lets it be
/// tried again. Why it failed is the daemon's <c>TargetProblems</c>. The request path finds a target's record through
/// its YARP destination (an identity lookup), never by hashing names; weight copies of one URL share a record.</summary>
public sealed class TargetFailures
{
    private readonly ConcurrentDictionary<(string Pool, string Url), TargetRecord> _records = new();
    private readonly ConditionalWeakTable<DestinationState, Binding> _bindings = [];

    /// <summary>The target's failures now; null when its last request succeeded (or none was made).</summary>
    public TargetReport? Report(string pool, string url) =>
        _records.TryGetValue((pool, url), out var record) && record.Report() is { } report ? report : null;

    /// <summary>Forgets targets no longer served (called when a configuration is applied).</summary>
    public void Retain(IReadOnlySet<(string Pool, string Url)> served)
    {
        foreach (var key in _records.Keys.Where(k => !served.Contains(k)).ToList())
        {
            _records.TryRemove(key, out _);
        }
    }

    internal TargetRecord For(ClusterState cluster, DestinationState destination)
    {
        var model = destination.Model;
        if (_bindings.TryGetValue(destination, out var binding) && ReferenceEquals(binding.Model, model))
        {
            return binding.Record;
        }
        // First sight of this destination, or its address changed with a reload.
        var record = _records.GetOrAdd((cluster.ClusterId, model.Config.Address), static _ => new TargetRecord());
        _bindings.AddOrUpdate(destination, new Binding(model, record));
        return record;
    }

    private sealed record Binding(DestinationModel Model, TargetRecord Record);
}

/// <summary>A target's failing state: failing (it failed the pool's number of requests in a row, and no request has
/// succeeded since) and how many failed in a row.</summary>
public sealed record TargetReport(bool Failing, int FailuresInARow);

/// <summary>The mutable part, shared by the request path's threads: plain volatile fields, no lock.</summary>
internal sealed class TargetRecord
{
    private int _inARow;
    private volatile bool _failing;

    public bool Clean => Volatile.Read(ref _inARow) == 0;

    /// <returns>Failures in a row, this one included.</returns>
    public int Failed(int threshold)
    {
        var inARow = Interlocked.Increment(ref _inARow);
        if (inARow >= threshold)
        {
            _failing = true;
        }
        return inARow;
    }

    public void Succeeded()
    {
        Volatile.Write(ref _inARow, 0);
        _failing = false;
    }

    public TargetReport? Report() => Clean && !_failing ? null : new TargetReport(_failing, Volatile.Read(ref _inARow));
}
