using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>A temporary directory that is removed on dispose, also when a test made parts of it read-only or gave
/// them to another user.</summary>
[SupportedOSPlatform("linux")]
public sealed class TempDirectory(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string CreateDirectory(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }
        // A non-root test may have left a folder at 0555; the owner can always open it up again.
        foreach (var dir in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories).Prepend(Path))
        {
            try
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        Directory.Delete(Path, recursive: true);
    }
}
