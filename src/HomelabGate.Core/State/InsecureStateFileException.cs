namespace HomelabGate.Core.State;

/// <summary>A secret file in the state directory that group or others may access.</summary>
public sealed class InsecureStateFileException(string path, UnixFileMode mode)
    : StateStorageException($"'{path}' has mode {Convert.ToString((int)mode, 8)}")
{
    public string Path { get; } = path;

    public UnixFileMode Mode { get; } = mode;
}
