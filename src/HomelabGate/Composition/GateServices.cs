using HomelabGate.Acme.Accounts;
using HomelabGate.Application;
using HomelabGate.Certificates.Import;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Reconciling;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Sources;
using HomelabGate.Certificates.Sources.Acme;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Challenges;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Retry;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.State;
using HomelabGate.Core.Validation;
using HomelabGate.Dns.Challenges;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Rfc2136;
using HomelabGate.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HomelabGate.Composition;

/// <summary>The one composition root. <see cref="AddGateShared"/> holds what does not depend on a state directory;
/// <see cref="AddGateState"/> what does (stores, certificate sources, DNS, the engine). The daemon adds both to its web
/// host and then <see cref="DaemonServices.AddGateDaemon"/>; every CLI command reaches the same registrations through
/// <see cref="StateServicesFactory"/>; tests use these methods too, replacing only what they must (time, say).</summary>
public static class GateServices
{
    public static IServiceCollection AddGateShared(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretResolver, EnvironmentAndFileSecretResolver>();
        services.AddLogging();
        services.TryAddSingleton(_ => SchemaValidator.Load());
        services.TryAddSingleton(ManifestValidator.Default);
        services.TryAddSingleton<ManifestLoader>();
        services.TryAddSingleton<DesiredStateBuilder>();
        services.TryAddSingleton<ManifestPipeline>();
        services.TryAddSingleton<DiagnosticRenderer>();
        services.TryAddSingleton<AttributeDefaults>();
        services.TryAddSingleton<PlanLayout>();
        services.TryAddSingleton<PlanTextRenderer>();
        services.TryAddSingleton<PlanJsonRenderer>();
        services.TryAddSingleton<ApplyReport>();
        services.TryAddSingleton<DaemonClient>();
        services.TryAddSingleton<RenewalPolicyFactory>();
        services.TryAddSingleton<PemFileReader>();
        services.TryAddSingleton<AtomicFileWriter>();
        services.TryAddSingleton<CaCertificateFactory>();
        services.TryAddSingleton<LeafCertificateFactory>();
        services.TryAddSingleton<CustomCertificateImporter>();
        services.TryAddSingleton<Rfc2136ClientFactory>();
        services.TryAddSingleton<IDns01SolverFactory>(sp => new Dns01SolverFactory(sp.GetRequiredService<Rfc2136ClientFactory>(),
            sp.GetRequiredService<ISecretResolver>(), sp.GetRequiredService<TimeProvider>(), new HttpClient { Timeout = TimeSpan.FromSeconds(30) }));
        services.TryAddSingleton<AcmeRenewalSchedule>();
        services.TryAddSingleton(sp => new RetryBackoff(sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Everything that lives in one state directory: <paramref name="stateDir"/> is absolute and resolved. With
    /// <paramref name="cluster"/>, the state store and the leader lock are etcd's (<see cref="ClusterServices"/>); without,
    /// the state directory's.</summary>
    public static IServiceCollection AddGateState(this IServiceCollection services, string stateDir, ClusterSettings? cluster = null, bool daemon = false)
    {
        if (cluster is not null)
        {
            services.AddGateCluster(cluster, daemon);
        }
        services.AddSingleton(new StateDirectory(stateDir));
        services.TryAddSingleton<IStateStorage>(new FileStateStorage(stateDir));
        services.TryAddSingleton<ILeaderLock, SoleLeaderLock>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<StoredPem>();
        services.AddSingleton<CertificateStore>();
        services.AddSingleton<CaStore>();
        services.AddSingleton(sp => new AcmeAccountStore(sp.GetRequiredService<IStateStorage>(), StateKeys.AcmeFolder));
        services.AddSingleton<ICertificateSource, LocalCaSource>();
        services.AddSingleton<ICertificateSource, FilesSource>();
        services.AddSingleton<ICertificateSource, AcmeSource>();
        services.AddSingleton<ICertificateSystem, CertificateSystem>();
        services.AddSingleton(sp => new DnsProviderFactory(sp.GetRequiredService<IStateStorage>(), sp.GetRequiredService<Rfc2136ClientFactory>(), sp.GetRequiredService<ISecretResolver>()));
        services.AddSingleton<IDnsSystem, DnsSystem>();
        services.TryAddSingleton<IProxySystem, RecordedProxySystem>();
        services.AddSingleton<GateEngine>();
        return services;
    }
}
