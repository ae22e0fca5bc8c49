using HomelabGate.Application;
using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Reconciling;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Trust;
using HomelabGate.Core.Secrets;
using HomelabGate.Integration;
using Microsoft.Extensions.Logging.Abstractions;
using HomelabGate.Cli;
using HomelabGate.Cli.Certificates;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation;
using HomelabGate.Daemon;
using HomelabGate.Rendering;

// The CLI's composition root: plain constructor wiring, no container (the daemon builds its own in GateWebHost).
if (args.FirstOrDefault() == "run" && Environment.GetEnvironmentVariable(SocketTuning.InlineCompletions) is null)
{
    SocketTuning.PreferInlineCompletions();
}
var time = TimeProvider.System;
var secrets = new EnvironmentAndFileSecretResolver();
var pipeline = new ManifestPipeline(new ManifestLoader(SchemaValidator.Load(), ManifestValidator.Default), new DesiredStateBuilder());
var diagnostics = new DiagnosticRenderer();
var options = new CommonOptions();
var planText = new PlanTextRenderer();
var planJson = new PlanJsonRenderer();
var certificateCheck = new CertificateCheck(time);
var plan = new PlanCommand(options, pipeline, diagnostics, planText, planJson, certificateCheck);
var stateDirs = new StateDirectoryLocator(pipeline);
var pem = new PemFileReader();
var roots = new CaRootResolver(options, stateDirs, new CaRootLoader(pem));
var trustStores = new TrustStoreSelector(new SystemTrustStoreOptions(), new ProcessRunner(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
var catalog = new CertificateCatalog(new CertificateInfoReader(time, new RenewalWindow()), pem, time);
var cli = new GateCli(
    new ValidateCommand(options, pipeline, diagnostics),
    plan,
    new ApplyCommand(options, plan, pipeline, diagnostics, planText, planJson, new OfflineApplier(time,
        stateDir => new DnsStep(new DnsProviderFactory(stateDir, secrets, time)),
        stateDir => new CertificateReconciler(stateDir, time, [new AcmeIssuer(stateDir, secrets, time, new DnsProviderFactory(stateDir, secrets, time),
            new RetryBackoff(time), NullLogger<AcmeIssuer>.Instance)]))),
    new RunCommand(options, new GateDaemon(pipeline, diagnostics)),
    new DriftCommand(options, pipeline, new DriftDetector(certificateCheck, stateDir => new DnsStep(new DnsProviderFactory(stateDir, secrets, time)), new DaemonClient())),
    new StatusCommand(options, pipeline, new DaemonClient(), new StatusTable(time)),
    new HashPasswordCommand(),
    new CaCommand(
        new CaExportCommand(options, roots, new RootExporter(), Console.In),
        new CaTrustCommand(options, roots, new TrustTargetOptions(trustStores), new TrustStoreChanger())),
    new CertCommand(
        new CertListCommand(options, stateDirs, catalog, new CertificateTableRenderer(), new CertificateJsonRenderer()),
        new CertShowCommand(options, stateDirs, catalog, new CertificateDetailRenderer())),
    new ImportCommand(new HomelabGate.Cli.Import.NpmImportCommand(new HomelabGate.Import.Npm.NpmImporter(time),
        () => new ManifestLoader(SchemaValidator.Load(), ManifestValidator.Default), new HomelabGate.Cli.Import.CertificateSeeder(time), diagnostics)));
return await cli.Build().Parse(args).InvokeAsync();
