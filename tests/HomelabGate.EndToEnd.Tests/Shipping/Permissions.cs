using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>File modes for the non-root tests.</summary>
[SupportedOSPlatform("linux")]
public static class Permissions
{
    private const UnixFileMode ReadExecute = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
        UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>0755: anyone may list and enter it, only the owner writes (temp folders start at 0700).</summary>
    public static void MakeTraversable(string directory) => File.SetUnixFileMode(directory, ReadExecute | UnixFileMode.UserWrite);

    /// <summary>Read-only for whoever runs the daemon: owned by root at 0755/0644 when the tests run as root (the daemon
    /// then runs as nobody); 0555/0444 for the daemon's own user otherwise.</summary>
    public static void MakeReadOnlyForDaemon(string directory)
    {
        var rootOwned = Environment.IsPrivilegedProcess;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            File.SetUnixFileMode(file, rootOwned
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                : UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        File.SetUnixFileMode(directory, rootOwned ? ReadExecute | UnixFileMode.UserWrite : ReadExecute);
    }
}
