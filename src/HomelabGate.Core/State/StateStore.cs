using System.Text.Json;
using HomelabGate.Core.Desired;

namespace HomelabGate.Core.State;

/// <summary>The last applied state in <c>stateDir/applied.json</c>, written atomically (temp file, flush, rename) so a
/// crash leaves either the old or the new file, never half of one.</summary>
public sealed class StateStore(string stateDir)
{
    private static readonly JsonSerializerOptions Options = new(ResourceJson.Create()) { WriteIndented = true };

    public string StateDir { get; } = stateDir;

    public string AppliedPath => Path.Combine(StateDir, "applied.json");

    public AppliedState? LoadApplied()
    {
        if (!File.Exists(AppliedPath))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<AppliedState>(File.ReadAllBytes(AppliedPath), Options);
        }
        catch (JsonException e)
        {
            throw new StateCorruptException(AppliedPath, e.Message);
        }
    }

    public void SaveApplied(AppliedState state)
    {
        PrivateDirectory.Create(StateDir);
        AtomicFile.Write(AppliedPath, JsonSerializer.SerializeToUtf8Bytes(state, Options), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
