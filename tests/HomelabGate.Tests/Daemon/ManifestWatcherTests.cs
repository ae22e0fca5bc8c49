using HomelabGate.Daemon;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Daemon;

/// <summary>The watcher over real inotify events in a temp folder. The debounce runs on a fake clock that only the test
/// moves, so "signalled before the debounce" and "not before it" are exact, whatever the machine's load.</summary>
public sealed class ManifestWatcherTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private int _signals;

    private string Manifest => Path.Combine(_dir.Path, "homelab.yaml");

    private ManifestWatcher Watch(string path, bool polling = false) =>
        new(path, polling, Debounce, _time, () => Interlocked.Increment(ref _signals));

    private int Signals => Volatile.Read(ref _signals);

    private static Task WaitAsync(Func<int> value, Func<int, bool> done, string what) =>
        Poll.UntilAsync(() => Task.FromResult(value()), done, what);

    [Fact]
    public async Task A_rename_onto_the_manifest_signals_at_once_without_waiting_for_the_debounce()
    {
        File.WriteAllText(Manifest, "version: 1\n");
        using var watcher = Watch(Manifest);
        var temp = Path.Combine(_dir.Path, ".homelab.yaml.swp");
        File.WriteAllText(temp, "version: 1\nhosts: {}\n");
        File.Move(temp, Manifest, overwrite: true);

        await WaitAsync(() => Signals, n => n == 1, "a rename-on-save signals");
    }

    [Fact]
    public async Task A_write_in_place_signals_only_once_the_file_has_been_quiet_for_the_debounce()
    {
        File.WriteAllText(Manifest, "version: 1\n");
        using var watcher = Watch(Manifest);
        using (var half = new FileStream(Manifest, FileMode.Truncate, FileAccess.Write))
        {
            half.Write("version: 1\nhosts:\n"u8);
            half.Flush(flushToDisk: true);
            await WaitAsync(() => watcher.Events, n => n > 0, "the write raises an event");
            _time.Advance(Debounce - TimeSpan.FromSeconds(1));
            Assert.Equal(0, Signals);
            var seen = watcher.Events;
            half.Write("  a: { domains: [a.home.test], to: http://127.0.0.1:1 }\n"u8);
            half.Flush(flushToDisk: true);
            await WaitAsync(() => watcher.Events, n => n > seen, "the second write raises an event");
        }
        // The second write started the wait again: a second more is not enough, the full debounce is.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Signals);
        _time.Advance(Debounce);
        Assert.Equal(1, Signals);
    }

    [Fact]
    public async Task Files_beside_the_manifest_do_not_signal()
    {
        File.WriteAllText(Manifest, "version: 1\n");
        using var watcher = Watch(Manifest);
        File.WriteAllText(Path.Combine(_dir.Path, "notes.txt"), "x");
        File.Move(Path.Combine(_dir.Path, "notes.txt"), Path.Combine(_dir.Path, "other.yaml"));
        // A write to the manifest afterwards is the marker that the earlier events were delivered (inotify keeps order).
        File.AppendAllText(Manifest, "# marker\n");
        await WaitAsync(() => watcher.Events, n => n > 0, "the marker write raises an event");
        Assert.Equal(0, Signals);
    }

    [Fact]
    public async Task A_rename_in_the_folder_a_symlinked_manifest_points_into_signals_at_once()
    {
        var real = Directory.CreateDirectory(Path.Combine(_dir.Path, "dotfiles")).FullName;
        var target = Path.Combine(real, "homelab.yaml");
        File.WriteAllText(target, "version: 1\n");
        var link = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir.Path, "etc")).FullName, "homelab.yaml");
        File.CreateSymbolicLink(link, target);
        using var watcher = Watch(link);
        File.WriteAllText(Path.Combine(real, "tmp"), "version: 1\nhosts: {}\n");
        File.Move(Path.Combine(real, "tmp"), target, overwrite: true);

        await WaitAsync(() => Signals, n => n == 1, "a save behind the link signals");
    }

    [Fact]
    public async Task A_kubernetes_data_swap_signals_at_once()
    {
        var v1 = Directory.CreateDirectory(Path.Combine(_dir.Path, "..v1")).FullName;
        var v2 = Directory.CreateDirectory(Path.Combine(_dir.Path, "..v2")).FullName;
        File.WriteAllText(Path.Combine(v1, "homelab.yaml"), "version: 1\n");
        File.WriteAllText(Path.Combine(v2, "homelab.yaml"), "version: 1\nhosts: {}\n");
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "..data"), "..v1");
        File.CreateSymbolicLink(Manifest, "..data/homelab.yaml");
        using var watcher = Watch(Manifest);
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "..data_tmp"), "..v2");
        // rename(2) over the old link, as the kubelet does (File.Move refuses a link to a folder).
        Assert.Equal(0, Rename(Path.Combine(_dir.Path, "..data_tmp"), Path.Combine(_dir.Path, "..data")));

        await WaitAsync(() => Signals, n => n >= 1, "the ..data swap signals");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string from, string to);

    public void Dispose() => _dir.Dispose();
}
