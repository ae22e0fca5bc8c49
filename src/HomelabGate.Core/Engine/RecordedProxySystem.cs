using HomelabGate.Core.Desired;
using HomelabGate.Core.State;

namespace HomelabGate.Core.Engine;

/// <summary>The proxy when no daemon runs (<c>gate apply</c>, <c>gate plan</c>): what serves is what was last applied,
/// and applying means recording it — the next <c>gate run</c> serves the applied state.</summary>
public sealed class RecordedProxySystem(StateStore store) : IProxySystem
{
    public DesiredState Observe() => store.LoadApplied()?.Desired ?? DesiredState.Empty;

    public Task<IReadOnlyList<string>> ApplyAsync(DesiredState desired, IReadOnlyList<ServedCertificate> certificates, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
