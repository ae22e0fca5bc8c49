using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Composition;

/// <summary>Opens the services of a state directory once a command knows which one it works in (it depends on the
/// manifest and the options). <paramref name="shared"/> is the same registration the CLI's root container got, so
/// replacements made there (a test's clock) hold here too.</summary>
public sealed class StateServicesFactory(Action<IServiceCollection> shared)
{
    /// <param name="cluster">The manifest's <c>settings.cluster</c>: state in etcd, loaded here (a clear
    /// <see cref="Core.State.StateStorageException"/> when etcd cannot be read or the key does not fit).</param>
    public StateServices Open(string stateDir, Core.Desired.ClusterSettings? cluster = null)
    {
        var services = new ServiceCollection();
        shared(services);
        services.AddGateState(stateDir, cluster);
        var provider = services.BuildServiceProvider();
        if (cluster is not null)
        {
            try
            {
                provider.GetRequiredService<Cluster.Etcd.EtcdStateStorage>().StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is Core.Secrets.SecretUnavailableException)
            {
                provider.Dispose();
                throw new Core.State.StateStorageException(e.Message, e);
            }
            catch
            {
                provider.Dispose();
                throw;
            }
        }
        return new StateServices(provider);
    }
}
