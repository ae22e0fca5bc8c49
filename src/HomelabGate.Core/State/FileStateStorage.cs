namespace HomelabGate.Core.State;

/// <summary>The state directory as the state store (one node, today's layout): each key is a file under
/// <see cref="Root"/>, secrets 0600 from creation, every write atomic (temp files, flush, rename in order).</summary>
public sealed class FileStateStorage(string root) : IStateStorage
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public string Root { get; } = root;

    // One process writes a state directory (gate.lock); nobody else's changes are announced.
    public event Action<IReadOnlyList<string>>? Changed { add { } remove { } }

    public string PathOf(string key) => Path.Combine(Root, StateKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));

    public string Describe(string key) => PathOf(key);

    public byte[]? Read(string key, bool secret = false)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            if (secret && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
            {
                throw new InsecureStateFileException(path, File.GetUnixFileMode(path));
            }
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not StateStorageException)
        {
            throw new StateStorageException($"Cannot read '{path}': {e.Message}", e);
        }
    }

    public IReadOnlyList<string> List(string folder)
    {
        var directory = Path.Combine(Root, folder.TrimEnd('/'));
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => !k.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public async Task WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAllAsync([.. writes.Where(w => w.Content is not null)
                .Select(w => (PathOf(w.Key), w.Content!, w.Secret ? AtomicFile.SecretMode : AtomicFile.PublicMode))], cancellationToken);
            foreach (var delete in writes.Where(w => w.Content is null))
            {
                File.Delete(PathOf(delete.Key));
            }
        }
        catch (StateWriteException e)
        {
            throw new StateStorageException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStorageException(new StateWriteException(PathOf(writes[0].Key), e).Message, e);
        }
    }
}
