using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Engine;

/// <summary>Where hosts, pools, access lists and settings take effect. In the daemon: the live YARP configuration and the
/// TLS certificate map. Without a daemon: the applied state file, which the next <c>gate run</c> serves.</summary>
public interface IProxySystem
{
    /// <summary>What is served now; the planner compares proxy resources against this.</summary>
    DesiredState Observe();

    /// <returns>Problems that stopped the new configuration (empty when it serves).</returns>
    Task<IReadOnlyList<string>> ApplyAsync(DesiredState desired, IReadOnlyList<ServedCertificate> certificates, CancellationToken cancellationToken);
}
