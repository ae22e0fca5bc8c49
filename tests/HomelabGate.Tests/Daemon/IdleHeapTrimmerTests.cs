using HomelabGate.Daemon;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Daemon;

/// <summary>The trimmer on a fake clock, with an allocation counter and a resident set that only the test moves; a trim
/// gives back what the test says a compacting collection would.</summary>
public sealed class IdleHeapTrimmerTests : IDisposable
{
    private const long MiB = 1L << 20;
    private readonly FakeTimeProvider _time = new();
    private readonly IdleHeapTrimmer _trimmer;
    private long _allocated = 15 * MiB; // what start-up allocated before the daemon serves
    private long _resident = 85 * MiB;
    private long _afterTrim = 70 * MiB;
    private int _trims;

    public IdleHeapTrimmerTests() => _trimmer = new IdleHeapTrimmer(_time, () => _allocated, () => _resident, () =>
    {
        _trims++;
        _resident = _afterTrim;
    });

    /// <summary>Moves the clock period by period; each period allocates <paramref name="bytesPerPeriod"/> and leaves the
    /// resident set at <paramref name="resident"/> (unchanged when null).</summary>
    private void Run(TimeSpan span, long bytesPerPeriod = 0, long? resident = null)
    {
        for (var left = span; left > TimeSpan.Zero; left -= IdleHeapTrimmer.Period)
        {
            _allocated += bytesPerPeriod;
            _resident = resident ?? _resident;
            _time.Advance(IdleHeapTrimmer.Period);
        }
    }

    [Fact]
    public void The_first_quiet_check_after_start_trims_once_and_an_idle_daemon_never_again()
    {
        _time.Advance(IdleHeapTrimmer.FirstCheck);
        Assert.Equal(1, _trims);
        Assert.Equal(70 * MiB, _resident);

        Run(TimeSpan.FromHours(1), bytesPerPeriod: 4 * 1024); // timers, the odd health probe
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void Under_load_nothing_is_trimmed_and_the_first_quiet_period_after_it_trims()
    {
        _time.Advance(IdleHeapTrimmer.FirstCheck);
        Run(TimeSpan.FromMinutes(10), bytesPerPeriod: 50 * MiB, resident: 110 * MiB);
        Assert.Equal(1, _trims);

        Run(IdleHeapTrimmer.Period);
        Assert.Equal(2, _trims);
        Assert.Equal(70 * MiB, _resident);
    }

    [Fact]
    public void Light_traffic_that_does_not_grow_the_resident_set_is_never_trimmed_for()
    {
        _time.Advance(IdleHeapTrimmer.FirstCheck);
        Run(TimeSpan.FromHours(1), bytesPerPeriod: IdleHeapTrimmer.QuietBytes / 2, resident: 74 * MiB);
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void A_heap_that_stays_larger_after_a_trim_is_not_trimmed_again_and_again()
    {
        _afterTrim = 100 * MiB; // a much larger manifest: the live heap itself grew
        _resident = 120 * MiB;
        _time.Advance(IdleHeapTrimmer.FirstCheck);
        Run(TimeSpan.FromMinutes(10));
        Assert.Equal(1, _trims);
    }

    public void Dispose() => _trimmer.Dispose();
}
