namespace HomelabGate.Daemon;

/// <summary>One folder's file events through inotify, told apart: a rename onto a name (an editor's save, a
/// Kubernetes "..data" swap) is reported as a replacement, everything else (writes in place, creations, deletions, a
/// rename away) as a plain change. A lost-events overflow is a plain change of every name.</summary>
internal sealed class InotifyFolderWatch : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    /// <param name="changed">The full path and whether it was replaced by a rename.</param>
    public InotifyFolderWatch(string folder, Action<string, bool> changed)
    {
        _watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Renamed += (_, e) =>
        {
            changed(e.FullPath, true);
            changed(e.OldFullPath, false);
        };
        _watcher.Changed += (_, e) => changed(e.FullPath, false);
        _watcher.Created += (_, e) => changed(e.FullPath, false);
        _watcher.Deleted += (_, e) => changed(e.FullPath, false);
        _watcher.Error += (_, _) =>
        {
            foreach (var file in Directory.EnumerateFileSystemEntries(folder))
            {
                changed(file, false);
            }
        };
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => _watcher.Dispose();
}
