using System.Collections.Concurrent;

namespace HomelabGate.Daemon.Health;

/// <summary>The last problem seen per upstream target (pool and URL), from health probes and from proxied requests, for
/// the log line that says a target went down and for the status page. Cleared when the target
/// answers a probe or a request well.</summary>
public sealed class TargetProblems
{
    private readonly ConcurrentDictionary<(string Pool, string Url), string> _last = new();

    /// <summary>What every successful request asks before clearing: ConcurrentDictionary answers it without a lock
    /// when nothing is recorded.</summary>
    public bool IsEmpty => _last.IsEmpty;

    public void Record(string pool, string url, string problem) => _last[(pool, url)] = problem;

    public void Clear(string pool, string url) => _last.TryRemove((pool, url), out _);

    public string? Last(string pool, string url) => _last.TryGetValue((pool, url), out var problem) ? problem : null;
}
