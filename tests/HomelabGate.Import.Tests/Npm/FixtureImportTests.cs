using System.Text;
using HomelabGate.Application;
using HomelabGate.Cli;
using HomelabGate.Composition;
using HomelabGate.Core.Engine;
using Microsoft.Extensions.DependencyInjection;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation;
using HomelabGate.Import.Reporting;
using HomelabGate.Import.Tests.Support;
using HomelabGate.Rendering;

namespace HomelabGate.Import.Tests.Npm;

/// <summary>The real NPM fixture (written by NPM's own code) imported: the manifest and the report as golden files, and
/// the manifest accepted by the same loader, rules and planner as gate validate and gate plan.</summary>
public sealed class FixtureImportTests : IDisposable
{
    private readonly ImportWorkspace _work = new();

    [Fact]
    public void The_fixture_imports_to_the_golden_manifest_and_report()
    {
        var result = _work.Import();
        Golden.Match("npm-fixture.yaml", _work.Normalize(result.Manifest));
        using var report = new StringWriter();
        new ReportRenderer().Render(result.Report, report);
        Golden.Match("npm-fixture-report.txt", report.ToString());
    }

    [Fact]
    public void The_same_data_gives_the_same_manifest()
    {
        Assert.Equal(_work.Import().Manifest, _work.Import().Manifest);
    }

    [Fact]
    public void The_manifest_passes_the_real_loader_without_errors_or_warnings()
    {
        var load = new ManifestLoader(SchemaValidator.Load(), ManifestValidator.Default).Load(Encoding.UTF8.GetBytes(_work.Import().Manifest), "homelab.yaml");
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        Assert.Empty(load.Diagnostics);
        var spec = load.Manifest!.Spec;
        Assert.Equal(["media", "files", "hv", "pw", "tools", "www", "parked"], spec.Hosts.Keys);
        Assert.Equal(["port-2222", "port-53"], spec.Streams.Keys);
        Assert.NotNull(new DesiredStateBuilder().Build(spec));
    }

    [Fact]
    public async Task Gate_validate_and_gate_plan_accept_the_written_manifest()
    {
        var (exit, _, error) = await _work.RunAsync();
        Assert.True(exit == 2, error);
        await using var services = CliServices.Build();
        var paths = new GatePaths(_work.Options.ManifestPath, null);
        using var output = new StringWriter();
        Assert.Equal(ExitCodes.Success, services.GetRequiredService<ValidateCommand>().Execute(paths, output));
        var plan = services.GetRequiredService<PlanCommand>();
        Assert.Equal(ExitCodes.Changes, await plan.ExecuteAsync(paths, OutputFormat.Text, ObservationScope.Local, output, output, default));
        Assert.Contains("0 to change, 0 to destroy", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("error", output.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_item_that_needs_attention_is_also_a_comment_in_the_manifest()
    {
        var result = _work.Import();
        Assert.True(result.Report.NeedsAttention);
        var comments = result.Manifest.Split('\n').Count(l => l.Contains("ATTENTION:", StringComparison.Ordinal));
        Assert.Equal(result.Report.Items.Count(i => i.Severity == ReportSeverity.Attention), comments);
    }

    public void Dispose() => _work.Dispose();
}
