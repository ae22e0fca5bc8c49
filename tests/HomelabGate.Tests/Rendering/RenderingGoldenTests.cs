using HomelabGate.Application;
using HomelabGate.Cli;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Rendering;

namespace HomelabGate.Tests.Rendering;

/// <summary>Everything a user reads, compared with golden files.</summary>
public sealed class RenderingGoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-golden-").FullName;
    private readonly ManifestPipeline _pipeline = new(ManifestFixture.Loader, new DesiredStateBuilder());

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GatePaths Write(string yaml)
    {
        var path = Path.Combine(_dir, "homelab.yaml");
        File.WriteAllText(path, yaml);
        return new GatePaths(path, Path.Combine(_dir, "data"));
    }

    [Fact]
    public void Validate_prints_every_problem_like_a_compiler()
    {
        var paths = Write("""
            version: 1
            upstreams:
              media: { targets: ["http://192.168.1.50:8096"] }
            hosts:
              jellyfin:
                domains: [jellyfin.home.test]
                upstream: meda
              nas:
                domains: [nas.home.test, jellyfin.home.test]
                to: "192.168.1.5:5000"
                forceHtps: true
            """);
        var output = new StringWriter();
        var code = new CliHost().Get<ValidateCommand>().Execute(paths, output);
        Assert.Equal(ExitCodes.Error, code);
        Golden.Match("validate-errors.txt", output.ToString());
    }

    [Fact]
    public async Task Plan_shows_creates_then_changes_against_the_applied_state_and_hides_secrets()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoRoot(), "examples", "acme-dns01.yaml"));
        var paths = Write(yaml);
        var plan = new CliHost().Get<PlanCommand>();
        var first = new StringWriter();
        Assert.Equal(ExitCodes.Changes, await plan.ExecuteAsync(paths, OutputFormat.Text, ObservationScope.Local, first, TextWriter.Null, default));
        Assert.DoesNotContain("TSIG_SECRET", first.ToString(), StringComparison.Ordinal);
        Golden.Match("plan-create.txt", first.ToString());

        RecordApplied(paths);
        File.WriteAllText(paths.ManifestPath, yaml.Replace("cloud.example.com, ", "cloud.example.com, www.example.com, ", StringComparison.Ordinal)
            .Replace("propagationTimeout: 2m", "propagationTimeout: 5m", StringComparison.Ordinal));
        var second = new StringWriter();
        Assert.Equal(ExitCodes.Changes, await plan.ExecuteAsync(paths, OutputFormat.Text, ObservationScope.Local, second, TextWriter.Null, default));
        Golden.Match("plan-change.txt", second.ToString());

        var json = new StringWriter();
        await plan.ExecuteAsync(paths, OutputFormat.Json, ObservationScope.Local, json, TextWriter.Null, default);
        Golden.Match("plan-change.json", json.ToString());
    }

    [Fact]
    public async Task Plan_says_no_changes_and_exits_zero_after_apply()
    {
        var paths = Write(File.ReadAllText(Path.Combine(RepoRoot(), "homelab.yaml")));
        RecordApplied(paths);
        var output = new StringWriter();
        var plan = new CliHost().Get<PlanCommand>();
        Assert.Equal(ExitCodes.Success, await plan.ExecuteAsync(paths, OutputFormat.Text, ObservationScope.Local, output, TextWriter.Null, default));
        Assert.Equal("No changes. Your homelab matches the manifest.\n", output.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>What apply records, without DNS or certificates: these tests are about the plan and its rendering.</summary>
    private void RecordApplied(GatePaths paths) =>
        new Core.State.StateStore(paths.ResolveStateDir(null)).SaveAppliedAsync(new Core.State.AppliedState(_pipeline.Run(paths).Desired!, "hash", DateTimeOffset.UtcNow), CancellationToken.None).GetAwaiter().GetResult();

    public static string RepoRoot() => HomelabGate.Testing.RepoRoot.Path;
}

public sealed class DiagnosticRendererSecretTests
{
    [Fact]
    public void Never_quotes_the_line_of_a_plain_password()
    {
        var result = ManifestFixture.Load("version: 1\naccessLists:\n  lan: { users: { alice: hunter2 } }\n");
        var output = new StringWriter();
        new HomelabGate.Rendering.DiagnosticRenderer().Render(result.Diagnostics, result.Source, output);
        Assert.Contains("homelab.yaml:3:", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output.ToString(), StringComparison.Ordinal);
    }
}

public sealed class InlineSecretTests
{
    [Fact]
    public void A_tsig_secret_written_inline_is_rejected_without_quoting_it()
    {
        var result = ManifestFixture.Load("version: 1\ndns:\n  provider:\n    type: rfc2136\n    server: 127.0.0.1\n    zone: home.test\n    tsig: { name: k, secret: c2VjcmV0LXZhbHVl }\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(HomelabGate.Core.Diagnostics.DiagnosticCodes.InlineSecret, diagnostic.Code);
        var output = new StringWriter();
        new HomelabGate.Rendering.DiagnosticRenderer().Render(result.Diagnostics, result.Source, output);
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", output.ToString(), StringComparison.Ordinal);
    }
}
