using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HomelabGate.Core.Desired;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>The Dockerfile cannot be built here (no container engine), so its paths and settings are checked against
/// what `dotnet publish` really produces and what the code and README document.</summary>
[SupportedOSPlatform("linux")]
[Collection(ShippingCollection.Name)]
public sealed partial class DockerfileTests(PublishedGate gate)
{
    private const string AppDirectory = "/app";

    private readonly Dockerfile _dockerfile = Dockerfile.Load(gate.RepositoryFile("Dockerfile"));

    [Fact]
    public void The_build_stage_publishes_the_executable_project_into_app_as_the_tests_do()
    {
        var publish = Assert.Single(_dockerfile.All("RUN", "build"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($"dotnet publish src/HomelabGate -c Release -o {AppDirectory}", publish.Arguments, StringComparison.Ordinal);
        var copy = Assert.Single(_dockerfile.All("COPY", _dockerfile.FinalStage), c => c.Arguments.StartsWith("--from=", StringComparison.Ordinal));
        Assert.Equal($"--from=build {AppDirectory} {AppDirectory}", copy.Arguments);
    }

    [Fact]
    public void The_entrypoint_is_the_native_executable_that_dotnet_publish_produces()
    {
        var entrypoint = _dockerfile.Single("ENTRYPOINT").ExecForm();
        Assert.Equal($"{AppDirectory}/gate", Assert.Single(entrypoint));
        var apphost = Path.Combine(gate.PublishDirectory, Path.GetFileName(entrypoint[0]));
        Assert.True(File.Exists(apphost), $"dotnet publish produced no {apphost}");
        Assert.True(File.GetUnixFileMode(apphost).HasFlag(UnixFileMode.OtherExecute), "the apphost is not executable by others");
        // Native AOT: no gate.dll for a runtime to load (the runtime stage has none); PublishedAotTests checks the ELF.
        Assert.False(File.Exists(Path.Combine(gate.PublishDirectory, "gate.dll")));
        // setcap must target the same file, in the final stage, after it was copied there (COPY drops file capabilities).
        var setcap = Assert.Single(_dockerfile.All("RUN", _dockerfile.FinalStage), r => r.Arguments.Contains("setcap", StringComparison.Ordinal));
        Assert.Contains($"setcap cap_net_bind_service=+ep {entrypoint[0]}", setcap.Arguments, StringComparison.Ordinal);
        Assert.True(setcap.Line > _dockerfile.Single("COPY").Line, "setcap runs before the apphost is copied into the final stage");
    }

    [Fact]
    public async Task The_default_command_runs_the_manifest_mounted_at_config_with_state_in_data()
    {
        Assert.Equal(["run", "-f", "/config/homelab.yaml"], _dockerfile.Single("CMD").ExecForm());
        var environment = _dockerfile.Environment().ToDictionary();
        Assert.Equal("/data", environment["HOMELABGATE_STATE_DIR"]);
        Assert.Contains("HOMELABGATE_POLL", environment.Keys);
        Assert.Equal("[\"/data\"]", _dockerfile.Single("VOLUME").Arguments);
        Assert.Equal("80 443", _dockerfile.Single("EXPOSE").Arguments);
        var help = await gate.RunAsync("run", "--help");
        Assert.Contains("-f, --file", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("HOMELABGATE_POLL", help.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_runs_as_the_base_images_non_root_app_user()
    {
        var user = _dockerfile.Single("USER").Arguments;
        Assert.Equal("$APP_UID", user);
        var chown = Assert.Single(_dockerfile.All("RUN", _dockerfile.FinalStage), r => r.Arguments.Contains("chown", StringComparison.Ordinal));
        Assert.Contains("chown \"$APP_UID:$APP_UID\" /data", chown.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void The_health_check_asks_the_admin_listener_at_its_documented_default_port()
    {
        var healthcheck = _dockerfile.Single("HEALTHCHECK").Arguments;
        var url = Assert.Single(HttpUrl().Matches(healthcheck)).Value;
        var defaultAdmin = new Uri($"http://{GatewaySettings.DefaultAdmin}");
        Assert.Equal(new Uri($"http://127.0.0.1:{defaultAdmin.Port}/healthz"), new Uri(url));
        // Documented where users look: the schema's description of settings.admin and the README.
        Assert.Contains($"default {GatewaySettings.DefaultAdmin}", File.ReadAllText(gate.RepositoryFile("schema/homelab.schema.json")), StringComparison.Ordinal);
        Assert.Contains(GatewaySettings.DefaultAdmin, File.ReadAllText(gate.RepositoryFile("README.md")), StringComparison.Ordinal);
        Assert.Contains("curl", healthcheck, StringComparison.Ordinal);
        Assert.Single(_dockerfile.All("RUN", _dockerfile.FinalStage), r => r.Arguments.Contains("apt-get install", StringComparison.Ordinal) && r.Arguments.Contains(" curl", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_project_the_executable_needs_is_copied_before_the_restore()
    {
        var restore = Assert.Single(_dockerfile.All("RUN", "build"), r => r.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = _dockerfile.All("COPY", "build").Where(c => c.Line < restore.Line)
            .SelectMany(c => c.Arguments.Split(' ')).ToHashSet();
        var missing = ProjectClosure("src/HomelabGate/HomelabGate.csproj").Where(p => !copiedBeforeRestore.Contains(p)).ToList();
        Assert.True(missing.Count == 0, $"COPY these before `dotnet restore`: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_path_the_build_copies_exists_and_is_not_excluded_by_dockerignore()
    {
        var ignored = File.ReadAllLines(gate.RepositoryFile(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.TrimStart('/').TrimEnd('/')).ToList();
        foreach (var source in _dockerfile.ContextSources())
        {
            var path = gate.RepositoryFile(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: no such file in the repository");
            var topLevel = source.Split('/')[0];
            Assert.DoesNotContain(topLevel, ignored);
        }
        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.Contains("data", ignored);
    }

    private IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }
            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(gate.RepositoryFile(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(gate.RepositoryRoot, directory, reference.Attribute("Include")!.Value));
                pending.Push(Path.GetRelativePath(gate.RepositoryRoot, full).Replace('\\', '/'));
            }
        }
        return seen;
    }

    [GeneratedRegex(@"http://[^\s""']+")]
    private static partial Regex HttpUrl();
}
