using HomelabGate.Certificates.Storage;

namespace HomelabGate.Cli.Import;

/// <summary>Writes every file of an import or none: all go to temp files first and are renamed only when all are
/// written (<see cref="AtomicFileWriter"/>); folders this import created are removed again on failure. The secrets
/// and state folders are created 0700.</summary>
public sealed class ImportFileWriter
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public async Task WriteAsync(IReadOnlyList<PendingFile> files, IReadOnlyList<string> privateDirectories, CancellationToken cancellationToken)
    {
        var created = files.Select(f => Path.GetDirectoryName(f.Path)!).Concat(privateDirectories)
            .SelectMany(Ancestors).Distinct(StringComparer.Ordinal).Where(d => !Directory.Exists(d)).OrderBy(d => d.Length).ToList();
        try
        {
            foreach (var directory in created)
            {
                Directory.CreateDirectory(directory);
                if (!OperatingSystem.IsWindows() && privateDirectories.Any(p => IsWithin(directory, p)))
                {
                    File.SetUnixFileMode(directory, Private);
                }
            }
            await new AtomicFileWriter().WriteAllAsync(files, cancellationToken);
        }
        catch
        {
            foreach (var directory in created.AsEnumerable().Reverse().Where(Directory.Exists))
            {
                TryRemoveEmpty(directory);
            }
            throw;
        }
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var current = Path.GetFullPath(directory); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            yield return current;
        }
    }

    private static bool IsWithin(string directory, string root)
    {
        var (full, top) = (Path.GetFullPath(directory), Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        return full == top || full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static void TryRemoveEmpty(string directory)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: an empty folder left behind holds nothing.
        }
    }
}
