using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Health;

/// <summary>Each upstream target's recent failures, by pool and URL: how many requests failed in a row and why the last
/// one failed ("connection refused", "certificate rejected: name mismatch …", "answered 503"). Fed by the passive
/// policy on every proxied request and by active probes; read by the status. The request path finds a target's record
/// through its YARP destination (an identity lookup), never by hashing names; weight copies of one URL share a record.</summary>
public sealed class TargetFailures
{
    private readonly ConcurrentDictionary<(string Pool, string Url), TargetRecord> _records = new();
    private readonly ConditionalWeakTable<DestinationState, Binding> _bindings = [];

    /// <summary>What is known about a target now; null when nothing was recorded.</summary>
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

/// <summary>A target's failing state for the status: failing (it failed the pool's number of requests in a row, and no
/// request or probe has succeeded since) and the last problem in one line.</summary>
public sealed record TargetReport(bool Failing, string? Problem, int FailuresInARow);

/// <summary>The mutable part, shared by the request path's threads: plain volatile fields, no lock.</summary>
internal sealed class TargetRecord
{
    private int _inARow;
    private volatile string? _problem;
    private volatile bool _failing;

    public bool Clean => Volatile.Read(ref _inARow) == 0 && _problem is null;

    /// <returns>Failures in a row, this one included.</returns>
    public int Failed(string problem, int threshold)
    {
        _problem = problem;
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
        _problem = null;
    }

    /// <summary>An active probe's outcome: a failure is the last problem; a pass clears it unless requests still fail.</summary>
    public void Probed(string? problem)
    {
        if (problem is not null)
        {
            _problem = problem;
        }
        else if (Volatile.Read(ref _inARow) == 0)
        {
            _problem = null;
        }
    }

    public TargetReport? Report() => _problem is null && !_failing ? null : new TargetReport(_failing, _problem, Volatile.Read(ref _inARow));
}
