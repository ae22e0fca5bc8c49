using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace HomelabGate.Daemon;

/// <summary>One folder polled for changes of the watched names (file systems without inotify). Polling sees a new
/// timestamp, not how it came about, so every change is a plain one (debounced by the caller).</summary>
internal sealed class PolledFolderWatch : IDisposable
{
    private readonly PhysicalFileProvider _provider;
    private readonly string _folder;
    private readonly Func<IReadOnlySet<string>> _names;
    private readonly Action<string, bool> _changed;
    private readonly object _gate = new();
    private IDisposable? _registration;
    private bool _disposed;

    public PolledFolderWatch(string folder, Func<IReadOnlySet<string>> names, Action<string, bool> changed)
    {
        _folder = folder;
        _names = names;
        _changed = changed;
        _provider = new PhysicalFileProvider(folder, ExclusionFilters.None) { UsePollingFileWatcher = true, UseActivePolling = true };
        Watch();
    }

    private void Watch()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var mine = _names().Where(n => Path.GetDirectoryName(n) == _folder).ToList();
            var tokens = mine.Select(n => _provider.Watch(Path.GetFileName(n))).ToList();
            _registration = new CompositeChangeToken(tokens).RegisterChangeCallback(_ => OnChange(mine), null);
        }
    }

    private void OnChange(List<string> names)
    {
        lock (_gate)
        {
            _registration?.Dispose();
        }
        // A change token fires once and does not say which name moved: report them all, then watch again.
        foreach (var name in names)
        {
            _changed(name, false);
        }
        Watch();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _registration?.Dispose();
            _provider.Dispose();
        }
    }
}
