using HomelabGate.Composition;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.State;
using HomelabGate.Proxy;
using HomelabGate.Proxy.Routing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace HomelabGate.Tests.Serving;

/// <summary>"What validate accepts, the daemon serves": a manifest that validates is accepted whole by the proxy
/// (mapping, YARP's own validator, the HTTP client each pool gets, the timers its timeouts arm) and its local-CA
/// certificates are really issued. The services come from the composition root the daemon uses.</summary>
public sealed class ServingProperty : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _stateRoot = Directory.CreateTempSubdirectory("hg-serving-").FullName;

    public ServingProperty()
    {
        var services = new ServiceCollection();
        services.AddGateShared();
        services.AddGateProxy();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        _services = services.BuildServiceProvider();
    }

    /// <returns>False when the manifest did not validate (nothing to check); true when it validated and is served.</returns>
    public bool Check(string yaml)
    {
        var result = ManifestFixture.Load(yaml);
        if (!result.Succeeded)
        {
            return false;
        }
        var desired = new DesiredStateBuilder().Build(result.Manifest!.Spec, _stateRoot);
        var problems = _services.GetRequiredService<ProxyReconciler>().ApplyAsync(desired, CancellationToken.None).GetAwaiter().GetResult();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"validate accepted it, the proxy refused it: {string.Join("; ", problems)}");
        }
        ArmTimersAndClients(_services.GetRequiredService<YarpConfigMapper>().Map(desired));
        IssueCertificates(desired);
        return true;
    }

    /// <summary>What YARP and ASP.NET do with the configuration once traffic flows: a client per pool (connect timeout,
    /// CA file), a cancellation per request timeout, a timer per health probe.</summary>
    private void ArmTimersAndClients(ProxyConfigSnapshot snapshot)
    {
        var clients = _services.GetRequiredService<IForwarderHttpClientFactory>();
        foreach (var cluster in snapshot.Clusters)
        {
            using var client = clients.CreateClient(new ForwarderHttpClientContext { ClusterId = cluster.ClusterId, NewConfig = cluster.HttpClient ?? new(), NewMetadata = cluster.Metadata });
            Arm(cluster.HttpRequest?.ActivityTimeout);
            if (cluster.HealthCheck?.Active is { } active)
            {
                using var timer = new Timer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                timer.Change(active.Interval!.Value, active.Interval.Value);
                Arm(active.Timeout);
            }
        }
        foreach (var route in snapshot.Routes)
        {
            Arm(route.Timeout);
        }
    }

    private static void Arm(TimeSpan? timeout)
    {
        if (timeout is { } value)
        {
            using var cancel = new CancellationTokenSource();
            cancel.CancelAfter(value);
        }
    }

    private void IssueCertificates(DesiredState desired)
    {
        var stateDir = Directory.CreateTempSubdirectory("state-").FullName;
        try
        {
            using var state = new ServiceCollection().AddGateShared().AddGateState(stateDir).BuildServiceProvider();
            var certificates = state.GetRequiredService<ICertificateSystem>();
            var observed = certificates.ObserveAsync(desired, ObservationScope.Local, CancellationToken.None).GetAwaiter().GetResult();
            var issue = observed.Where(o => o.Due is not null).ToDictionary(o => o.Name, o => o.Due!);
            var statuses = certificates.ApplyAsync(desired, issue, SideEffectPermit.Sole, CancellationToken.None).GetAwaiter().GetResult().Statuses;
            if (statuses.FirstOrDefault(s => s.Condition != CertificateCondition.Ready) is { } failed)
            {
                throw new InvalidOperationException($"validate accepted it, certificate '{failed.Name}' failed: {failed.Message}");
            }
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_stateRoot, recursive: true);
    }
}
