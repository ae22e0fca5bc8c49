using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Composition;

/// <summary>Opens the services of a state directory once a command knows which one it works in (it depends on the
/// manifest and the options). <paramref name="shared"/> is the same registration the CLI's root container got, so
/// replacements made there (a test's clock) hold here too.</summary>
public sealed class StateServicesFactory(Action<IServiceCollection> shared)
{
    public StateServices Open(string stateDir)
    {
        var services = new ServiceCollection();
        shared(services);
        services.AddGateState(stateDir);
        return new StateServices(services.BuildServiceProvider());
    }
}
