using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Proxy.Tls;

namespace HomelabGate.Proxy;

/// <summary>The daemon's proxy as the engine sees it: routes, pools and host behaviours in YARP, certificates in the SNI
/// map. A configuration YARP rejects never replaces the one being served; certificates are swapped whenever the set
/// served changes (a renewal), without touching routes.</summary>
public sealed class LiveProxySystem(ProxyReconciler proxy, SniSelector sni) : IProxySystem
{
    private IReadOnlyDictionary<string, string> _thumbprints = new Dictionary<string, string>();

    public DesiredState Observe() => proxy.Serving ?? DesiredState.Empty;

    public async Task<IReadOnlyList<string>> ApplyAsync(DesiredState desired, IReadOnlyList<ServedCertificate> certificates, CancellationToken cancellationToken)
    {
        var unchanged = proxy.Serving is { } serving && serving.Equals(desired);
        if (!unchanged)
        {
            var problems = await proxy.ApplyAsync(desired, cancellationToken);
            if (problems.Count > 0)
            {
                return problems;
            }
        }
        var thumbprints = certificates.ToDictionary(c => c.Name, c => c.Leaf.Thumbprint, StringComparer.Ordinal);
        if (!unchanged || !SameCertificates(thumbprints))
        {
            sni.Replace(SniEntries.Build(desired, certificates));
            _thumbprints = thumbprints;
        }
        return [];
    }

    private bool SameCertificates(IReadOnlyDictionary<string, string> thumbprints) =>
        thumbprints.Count == _thumbprints.Count && thumbprints.All(t => _thumbprints.TryGetValue(t.Key, out var old) && old == t.Value);
}
