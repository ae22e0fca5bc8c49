namespace HomelabGate.Core.State;

public sealed class StateCorruptException(string path, string detail)
    : Exception($"the state file '{path}' cannot be read ({detail}); move it aside to start from an empty state")
{
    public string Path { get; } = path;
}
