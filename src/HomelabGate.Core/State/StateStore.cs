using System.Text.Json;
using HomelabGate.Core.Desired;

namespace HomelabGate.Core.State;

/// <summary>The last applied state (<c>applied.json</c>), written atomically so a crash leaves either the old or the new
/// state, never half of one; in the state directory by default, else in the configured <see cref="IStateStorage"/>.</summary>
public sealed class StateStore(IStateStorage storage)
{
    private static readonly JsonSerializerOptions Options = new(ResourceJson.Create()) { WriteIndented = true };

    public StateStore(string stateDir) : this(new FileStateStorage(stateDir))
    {
    }

    public IStateStorage Storage { get; } = storage;

    public string AppliedPath => Storage.Describe(StateKeys.Applied);

    public AppliedState? LoadApplied()
    {
        if (Storage.Read(StateKeys.Applied) is not { } content)
        {
            return null;
        }
        try
        {
            return Deserialize(content);
        }
        catch (JsonException e)
        {
            throw new StateCorruptException(AppliedPath, e.Message);
        }
    }

    /// <summary>Mode 0600 on disk (it names hosts and secret references), encrypted in a shared store.</summary>
    public Task SaveAppliedAsync(AppliedState state, CancellationToken cancellationToken) =>
        Storage.WriteAsync([new StateWrite(StateKeys.Applied, Serialize(state), Secret: true)], cancellationToken);

    internal static byte[] Serialize(AppliedState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options.Info<AppliedState>());

    internal static AppliedState? Deserialize(byte[] content) => JsonSerializer.Deserialize(content, Options.Info<AppliedState>());
}
