namespace HomelabGate.Core.State;

/// <summary>Folders of the state directory hold keys, the CA and DNS ownership: they are created 0700 (owner only), so
/// nothing in them is even listed to other users of the machine. Every folder created on the way gets that mode (.NET's
/// <c>Directory.CreateDirectory(path, mode)</c> gives it only to the last one); an existing folder keeps the mode its
/// owner gave it.</summary>
public static class PrivateDirectory
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        var missing = new Stack<string>();
        for (var current = Path.GetFullPath(path); !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }
        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, Mode);
        }
    }
}
