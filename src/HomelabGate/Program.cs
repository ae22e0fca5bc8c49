using HomelabGate.Application;
using HomelabGate.Cli;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation;
using HomelabGate.Daemon;
using HomelabGate.Rendering;

// The CLI's composition root: plain constructor wiring, no container (the daemon builds its own in GateWebHost).
var pipeline = new ManifestPipeline(new ManifestLoader(SchemaValidator.Load(), ManifestValidator.Default), new DesiredStateBuilder());
var diagnostics = new DiagnosticRenderer();
var options = new CommonOptions();
var planText = new PlanTextRenderer();
var planJson = new PlanJsonRenderer();
var plan = new PlanCommand(options, pipeline, diagnostics, planText, planJson);
var cli = new GateCli(
    new ValidateCommand(options, pipeline, diagnostics),
    plan,
    new ApplyCommand(options, plan, pipeline, diagnostics, planText, planJson, new OfflineApplier(TimeProvider.System)),
    new RunCommand(options, new GateDaemon(pipeline, diagnostics)),
    new HashPasswordCommand());
return await cli.Build().Parse(args).InvokeAsync();
