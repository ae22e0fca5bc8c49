namespace HomelabGate.Daemon;

/// <summary>Signals when the manifest may have changed. It watches the manifest's folder, not the file: editors save by
/// writing a new file and renaming it over the old one, and Kubernetes swaps a "..data" symlink, neither of which a
/// watch on the old file would see. When the manifest is a symlink (stow, dotfiles, a ConfigMap), the folder of the
/// file it points to is watched too — edits there raise no event in the link's folder — and the link is resolved again
/// after every change, so a re-pointed link is followed.
/// <para>A rename onto the manifest (or onto "..data") signals at once: what was renamed is complete, the writer
/// finished it under another name. Writes in place, creations and deletions are debounced — a file written in place
/// can be read half-written, so the signal waits until it has been quiet for the debounce time. Polling mode (file
/// systems without inotify: some NFS and Docker Desktop mounts) cannot tell the two apart and always debounces. The
/// reconcile loop compares content, so a spurious signal is cheap.</para></summary>
public sealed class ManifestWatcher : IDisposable
{
    private const string KubernetesData = "..data";
    private readonly string _manifestPath;
    private readonly bool _polling;
    private readonly Action _changed;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, IDisposable> _folders = new(StringComparer.Ordinal);
    private HashSet<string> _names = new(StringComparer.Ordinal);
    private ITimer? _pending;
    private int _events;
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

    /// <summary>Events about the watched names seen so far (for tests that must know an event arrived).</summary>
    internal int Events => Volatile.Read(ref _events);

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

    /// <summary>Watches the folders of <see cref="Watched"/> (again, after every event: a link may point elsewhere now).</summary>
    private void Register()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            var folders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Watched())
            {
                var folder = Path.GetDirectoryName(file)!;
                names.Add(file);
                names.Add(Path.Combine(folder, KubernetesData));
                if (Directory.Exists(folder))
                {
                    folders.Add(folder);
                }
            }
            _names = names;
            foreach (var gone in _folders.Keys.Where(f => !folders.Contains(f)).ToList())
            {
                _folders.Remove(gone, out var watch);
                watch!.Dispose();
            }
            foreach (var folder in folders.Where(f => !_folders.ContainsKey(f)))
            {
                _folders[folder] = _polling
                    ? new PolledFolderWatch(folder, () => Volatile.Read(ref _names), OnEvent)
                    : new InotifyFolderWatch(folder, OnEvent);
            }
        }
    }

    /// <param name="path">The full path the event names (for a rename: the new name).</param>
    /// <param name="replaced">True for a rename onto <paramref name="path"/>: the content is complete.</param>
    private void OnEvent(string path, bool replaced)
    {
        if (!Volatile.Read(ref _names).Contains(path))
        {
            return;
        }
        Interlocked.Increment(ref _events);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _pending?.Dispose();
            _pending = replaced ? null : _time.CreateTimer(_ => _changed(), null, _debounce, Timeout.InfiniteTimeSpan);
        }
        if (replaced)
        {
            _changed();
        }
        Register();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            foreach (var watch in _folders.Values)
            {
                watch.Dispose();
            }
            _folders.Clear();
        }
    }
}
