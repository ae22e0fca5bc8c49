using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace HomelabGate.Daemon;

/// <summary>Signals when the manifest may have changed. It watches the manifest's folder, not the file: editors save by
/// writing a new file and renaming it over the old one, and Kubernetes swaps a "..data" symlink, neither of which a
/// watch on the old file would see. Polling mode serves file systems without inotify (some NFS and Docker Desktop
/// mounts). Bursts of events are debounced; the reconcile loop compares content hashes, so a spurious signal is cheap.</summary>
public sealed class ManifestWatcher : IDisposable
{
    private readonly PhysicalFileProvider _provider;
    private readonly string _fileName;
    private readonly Action _changed;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private ITimer? _pending;
    private IDisposable? _registration;
    private bool _disposed;

    public ManifestWatcher(string manifestPath, bool polling, TimeSpan debounce, TimeProvider time, Action changed)
    {
        _provider = new PhysicalFileProvider(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, ExclusionFilters.None)
        {
            UsePollingFileWatcher = polling,
            UseActivePolling = polling,
        };
        _fileName = Path.GetFileName(manifestPath);
        _changed = changed;
        _debounce = debounce;
        _time = time;
        Register();
    }

    private void Register()
    {
        if (_disposed)
        {
            return;
        }
        var token = new CompositeChangeToken([_provider.Watch(_fileName), _provider.Watch("..data")]);
        _registration = token.RegisterChangeCallback(_ => OnChange(), null);
    }

    private void OnChange()
    {
        _registration?.Dispose();
        lock (_provider)
        {
            _pending?.Dispose();
            _pending = _time.CreateTimer(_ => _changed(), null, _debounce, Timeout.InfiniteTimeSpan);
        }
        // Change tokens fire once; watch again for the next save.
        Register();
    }

    public void Dispose()
    {
        _disposed = true;
        _registration?.Dispose();
        lock (_provider)
        {
            _pending?.Dispose();
        }
        _provider.Dispose();
    }
}
