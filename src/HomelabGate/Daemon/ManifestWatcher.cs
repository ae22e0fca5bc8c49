using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace HomelabGate.Daemon;

/// <summary>Signals when the manifest may have changed. It watches the manifest's folder, not the file: editors save by
/// writing a new file and renaming it over the old one, and Kubernetes swaps a "..data" symlink, neither of which a
/// watch on the old file would see. When the manifest is a symlink (stow, dotfiles, a ConfigMap), the folder of the
/// file it points to is watched too — edits there raise no event in the link's folder — and the link is resolved again
/// after every change, so a re-pointed link is followed. Polling mode serves file systems without inotify (some NFS and
/// Docker Desktop mounts). Bursts of events are debounced; the reconcile loop compares content, so a spurious signal is
/// cheap.</summary>
public sealed class ManifestWatcher : IDisposable
{
    private readonly string _manifestPath;
    private readonly bool _polling;
    private readonly Action _changed;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, PhysicalFileProvider> _providers = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _registrations = [];
    private ITimer? _pending;
    private bool _disposed;

    public ManifestWatcher(string manifestPath, bool polling, TimeSpan debounce, TimeProvider time, Action changed)
    {
        _manifestPath = Path.GetFullPath(manifestPath);
        _polling = polling;
        _changed = changed;
        _debounce = debounce;
        _time = time;
        Register();
    }

    /// <summary>The files to watch, each in its folder: the manifest as named, and where its symlinks lead.</summary>
    private IEnumerable<string> Watched()
    {
        yield return _manifestPath;
        FileSystemInfo? target = null;
        try
        {
            target = new FileInfo(_manifestPath).ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            // A dangling or looping link: the link's own folder is still watched, and the loader reports the problem.
        }
        if (target is not null)
        {
            yield return target.FullName;
        }
    }

    private void Register()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var tokens = new List<IChangeToken>();
            foreach (var file in Watched())
            {
                var folder = Path.GetDirectoryName(file)!;
                if (!Directory.Exists(folder))
                {
                    continue;
                }
                if (!_providers.TryGetValue(folder, out var provider))
                {
                    provider = new PhysicalFileProvider(folder, ExclusionFilters.None) { UsePollingFileWatcher = _polling, UseActivePolling = _polling };
                    _providers[folder] = provider;
                }
                tokens.Add(provider.Watch(Path.GetFileName(file)));
                tokens.Add(provider.Watch("..data"));
            }
            _registrations.Add(new CompositeChangeToken(tokens).RegisterChangeCallback(_ => OnChange(), null));
        }
    }

    private void OnChange()
    {
        lock (_gate)
        {
            _registrations.ForEach(r => r.Dispose());
            _registrations.Clear();
            _pending?.Dispose();
            _pending = _time.CreateTimer(_ => _changed(), null, _debounce, Timeout.InfiniteTimeSpan);
        }
        // Change tokens fire once: watch again, following the link to wherever it points now.
        Register();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _registrations.ForEach(r => r.Dispose());
            _pending?.Dispose();
            foreach (var provider in _providers.Values)
            {
                provider.Dispose();
            }
        }
    }
}
