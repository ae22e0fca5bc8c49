using HomelabGate.Application;
using HomelabGate.Cli;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;

namespace HomelabGate.Tests.Rendering;

/// <summary>The plan of a realistic seven-host homelab (examples/homelab.yaml: a wildcard local certificate, DNS through
/// a dnsmasq hosts file, an access list, a pool, a location, a stream), as text and JSON, from nothing and after edits.</summary>
public sealed class HomelabPlanGoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-homelab-plan-").FullName;
    private readonly ManifestPipeline _pipeline = new(ManifestFixture.Loader, new DesiredStateBuilder());
    private readonly PlanCommand _plan = new CliHost().Get<PlanCommand>();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Homelab => File.ReadAllText(Path.Combine(RenderingGoldenTests.RepoRoot(), "examples", "homelab.yaml"));

    [Fact]
    public async Task A_new_homelab_plans_one_entry_per_host_with_its_to_and_dns_record_and_no_internal_names()
    {
        var paths = Write(Homelab);

        var text = await PlanAsync(paths, OutputFormat.Text);

        Golden.Match("plan-homelab-create.txt", text);
        Assert.DoesNotContain("host:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("requireAll", text, StringComparison.Ordinal);
        Assert.DoesNotContain("inline", text, StringComparison.Ordinal);
        Assert.Equal(7, text.Split('\n').Count(l => l.StartsWith("    + host ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Edits_show_what_changed_in_the_manifests_words_grouped_by_host()
    {
        var paths = Write(Homelab);
        await RecordAppliedAsync(paths);
        Write(Homelab
            .Replace("to: http://192.168.1.50:8096", "to: http://192.168.1.51:8096", StringComparison.Ordinal)
            .Replace("{ path: /push, to: \"http://192.168.1.21:7867\"", "{ path: /push, to: \"http://192.168.1.23:7867\"", StringComparison.Ordinal)
            .Replace("    satisfy: all\n", "    satisfy: any\n", StringComparison.Ordinal)
            .Replace("    to: https://192.168.1.10:8006\n", "    upstream: nextcloud\n", StringComparison.Ordinal)
            .Replace("  pihole:\n    domains: [pihole.home.arpa]\n    to: http://192.168.1.2:8080\n    accessList: admins\n", "", StringComparison.Ordinal)
            .Replace("    forceHttps: true\n    hsts: true\n", "    forceHttps: true\n    hsts: { maxAge: 180d }\n", StringComparison.Ordinal)
            .Replace("listen: \"0.0.0.0:2222\"", "listen: \"0.0.0.0:2223\"", StringComparison.Ordinal));

        var text = await PlanAsync(paths, OutputFormat.Text);
        var json = await PlanAsync(paths, OutputFormat.Json);

        Golden.Match("plan-homelab-change.txt", text);
        Golden.Match("plan-homelab-change.json", json);
        Assert.DoesNotContain("host:", text, StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(GatePaths paths, OutputFormat format)
    {
        var output = new StringWriter();
        Assert.Equal(ExitCodes.Changes, await _plan.ExecuteAsync(paths, format, ObservationScope.Local, output, TextWriter.Null, default));
        return output.ToString();
    }

    private GatePaths Write(string yaml)
    {
        var path = Path.Combine(_dir, "homelab.yaml");
        File.WriteAllText(path, yaml);
        return new GatePaths(path, Path.Combine(_dir, "data"));
    }

    /// <summary>What apply records, without touching DNS or issuing certificates: these tests are about the plan's text.</summary>
    private Task RecordAppliedAsync(GatePaths paths) =>
        new Core.State.StateStore(paths.ResolveStateDir(null)).SaveAppliedAsync(new Core.State.AppliedState(_pipeline.Run(paths).Desired!, "hash", DateTimeOffset.UtcNow), default);
}
