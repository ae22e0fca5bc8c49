namespace HomelabGate.Daemon;

/// <summary>Gives the heap's free pages back to the system when the daemon goes quiet after work: start-up (the schema
/// is read by reflection), a reload, a burst of traffic. The workstation GC keeps the pages it grew into until a full
/// collection, which a steady proxy seldom needs: a homelab box that saw one burst would carry its peak for good
/// (Native AOT: about 85 MiB resident after start, 70 after a trim). Quiet means the process allocated less than
/// <see cref="QuietBytes"/> since the last check; a trim follows only when the resident set grew by
/// <see cref="GrowthBytes"/> since the last one, so an idle or steadily loaded daemon does not collect again, and a
/// busy one never pauses for it.</summary>
public sealed class IdleHeapTrimmer : IDisposable
{
    public static readonly TimeSpan FirstCheck = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    public const long QuietBytes = 512L << 10;
    public const long GrowthBytes = 8L << 20;

    private readonly Func<long> _allocatedBytes;
    private readonly Func<long> _residentBytes;
    private readonly Action _trim;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _allocatedAtCheck;
    private long _residentAfterTrim;

    /// <param name="allocatedBytes">Bytes the process allocated so far (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
    /// <param name="residentBytes">The process's resident set (<see cref="Environment.WorkingSet"/>).</param>
    /// <param name="trim">One compacting collection that decommits what it frees.</param>
    public IdleHeapTrimmer(TimeProvider time, Func<long> allocatedBytes, Func<long> residentBytes, Action trim)
    {
        _allocatedBytes = allocatedBytes;
        _residentBytes = residentBytes;
        _trim = trim;
        // No trim yet (_residentAfterTrim = 0): the first quiet check trims what start-up left behind.
        _allocatedAtCheck = allocatedBytes();
        _timer = time.CreateTimer(_ => Check(), null, FirstCheck, Period);
    }

    public static IdleHeapTrimmer ForThisProcess(TimeProvider time) => new(time, () => GC.GetTotalAllocatedBytes(), () => Environment.WorkingSet,
        () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));

    private void Check()
    {
        lock (_gate)
        {
            var allocated = _allocatedBytes();
            var quiet = allocated - _allocatedAtCheck < QuietBytes;
            _allocatedAtCheck = allocated;
            if (quiet && _residentBytes() - _residentAfterTrim >= GrowthBytes)
            {
                _trim();
                _residentAfterTrim = _residentBytes();
                _allocatedAtCheck = _allocatedBytes();
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
