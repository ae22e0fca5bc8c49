using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Engine;
using HomelabGate.Core.State;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Composition;

/// <summary>The services of one state directory, for a CLI command: built from the same registrations as the daemon's.</summary>
public sealed class StateServices(ServiceProvider provider) : IDisposable
{
    public GateEngine Engine => provider.GetRequiredService<GateEngine>();

    public StateStore Store => provider.GetRequiredService<StateStore>();

    public CertificateStore Certificates => provider.GetRequiredService<CertificateStore>();

    /// <summary>For the few commands that need one more service of the state (<c>gate cluster migrate</c>).</summary>
    public IServiceProvider Provider => provider;

    public void Dispose() => provider.Dispose();
}
