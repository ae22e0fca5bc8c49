using HomelabGate.Application;
using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Trust;
using HomelabGate.Cli;
using HomelabGate.Cli.Certificates;
using HomelabGate.Daemon;
using HomelabGate.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HomelabGate.Composition;

/// <summary>The CLI's command tree on top of <see cref="GateServices"/>. <paramref name="shared"/> registers what every
/// container of this process shares (the standard set, plus a test's replacements); state directories opened by the
/// commands get it too.</summary>
public static class CliServices
{
    /// <param name="replace">Applied after the standard registrations, here and in every state directory's container:
    /// how tests swap the clock, standard input or the trust stores.</param>
    public static ServiceProvider Build(Action<IServiceCollection>? replace = null)
    {
        void Shared(IServiceCollection services)
        {
            services.AddGateShared();
            // ACME progress and certificate failures reach the person running `gate apply`, on stderr.
            services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning));
            services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        void SharedWithReplacements(IServiceCollection services)
        {
            Shared(services);
            replace?.Invoke(services);
        }
        var services = new ServiceCollection();
        Shared(services);
        services.AddSingleton(new StateServicesFactory(SharedWithReplacements));
        services.AddSingleton(Console.In);
        services.AddSingleton(_ => new GateDaemon(_.GetRequiredService<ManifestPipeline>(), _.GetRequiredService<DiagnosticRenderer>(), replace));
        services.AddSingleton<CommonOptions>();
        services.AddSingleton<ValidateCommand>();
        services.AddSingleton<PlanCommand>();
        services.AddSingleton<PlanAgainstManifest>();
        services.AddSingleton<ApplyCommand>();
        services.AddSingleton<RunCommand>();
        services.AddSingleton<DriftDetector>();
        services.AddSingleton<DriftCommand>();
        services.AddSingleton<StatusTable>();
        services.AddSingleton<StatusCommand>();
        services.AddSingleton<HashPasswordCommand>();
        services.AddSingleton<StateDirectoryLocator>();
        services.AddSingleton<CaRootLoader>();
        services.AddSingleton<StateReader>();
        services.AddSingleton<CaRootResolver>();
        services.AddSingleton<RootExporter>();
        services.AddSingleton<CaExportCommand>();
        services.AddSingleton(new TrustStoreSelector(new SystemTrustStoreOptions(), new ProcessRunner(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
        services.AddSingleton<TrustTargetOptions>();
        services.AddSingleton<TrustStoreChanger>();
        services.AddSingleton<CaTrustCommand>();
        services.AddSingleton<CaCommand>();
        services.AddSingleton(sp => new CertificateInfoReader(sp.GetRequiredService<TimeProvider>(), new RenewalWindow()));
        services.AddSingleton<CertificateCatalog>();
        services.AddSingleton<CertificateTableRenderer>();
        services.AddSingleton<CertificateJsonRenderer>();
        services.AddSingleton<CertificateDetailRenderer>();
        services.AddSingleton<CertListCommand>();
        services.AddSingleton<CertShowCommand>();
        services.AddSingleton<CertCommand>();
        services.AddSingleton<Import.Npm.NpmImporter>();
        services.AddSingleton<Cli.Import.CertificateSeeder>();
        services.AddSingleton<Cli.Import.NpmImportCommand>();
        services.AddSingleton<ImportCommand>();
        services.AddSingleton<Cli.Cluster.ClusterMigrateCommand>();
        services.AddSingleton<Cli.Cluster.ClusterCommand>();
        services.AddSingleton<GateCli>();
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
