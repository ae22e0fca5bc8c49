using HomelabGate.Tests.Rendering;

namespace HomelabGate.Tests.Cli;

/// <summary><c>gate plan --against BASE</c>: the manifest against another manifest, reading nothing else.</summary>
public sealed class PlanAgainstManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-plan-against-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary><c>gate plan -f homelab.yaml --against base.yaml</c>, base.yaml being examples/homelab.yaml.</summary>
    private Task<CliRun> PlanAsync(string edited) =>
        new CliHost().RunAsync("plan", "-f", Write("homelab.yaml", edited), "--against", Write("base.yaml", Homelab));

    private static string Homelab => File.ReadAllText(Path.Combine(RenderingGoldenTests.RepoRoot(), "examples", "homelab.yaml"));

    [Fact]
    public async Task Shows_only_what_the_edit_changes_and_exits_2_without_creating_a_state_directory()
    {
        var run = await PlanAsync(Homelab.Replace("192.168.1.50:8096", "192.168.1.51:8096", StringComparison.Ordinal));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("~ host jellyfin", run.Output, StringComparison.Ordinal);
        Assert.Contains("~ to: \"http://192.168.1.50:8096\" → \"http://192.168.1.51:8096\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to add, 1 to change, 0 to destroy.", run.Output, StringComparison.Ordinal);
        Assert.Contains("planned against the manifest", run.Output, StringComparison.Ordinal);
        Assert.Equal(["base.yaml", "homelab.yaml"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Exits_0_when_the_two_manifests_describe_the_same_homelab()
    {
        var run = await PlanAsync(Homelab.Replace("# A whole homelab", "# An edited comment about a whole homelab", StringComparison.Ordinal));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No changes.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_base_makes_everything_new_and_an_invalid_base_is_named()
    {
        var edited = Write("homelab.yaml", Homelab);
        var invalid = Write("broken.yaml", "version: 1\nhosts:\n  a: { domains: [a.test], upstream: nowhere }\n");

        var missing = await new CliHost().RunAsync("plan", "-f", edited, "--against", Path.Combine(_dir, "none.yaml"));
        var broken = await new CliHost().RunAsync("plan", "-f", edited, "--against", invalid);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("none.yaml does not exist; every resource is new.", missing.Output, StringComparison.Ordinal);
        Assert.Contains("Plan: 19 to add", missing.Output, StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.yaml is invalid (1 error;", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_manifest_exits_1_with_its_diagnostics()
    {
        var run = await PlanAsync("version: 1\nhosts:\n  a: { domains: [a.test], upstream: nowhere }\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HG3001", run.Output, StringComparison.Ordinal);
    }
}
