using System.Net.Http.Headers;
using System.Net;
using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>The published app, started the way the image starts it (ENTRYPOINT + CMD + ENV, as a non-root user, the
/// config folder read-only, state in a folder of its own), serves, answers the image's HEALTHCHECK and stops cleanly.</summary>
[SupportedOSPlatform("linux")]
[Collection(ShippingCollection.Name)]
public sealed class EntrypointTests(PublishedGate gate) : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15); // 10 s drain + margin, = TimeoutStopSec

    private readonly Dockerfile _dockerfile = Dockerfile.Load(gate.RepositoryFile("Dockerfile"));
    private readonly TempDirectory _temp = new("hg-ship-image-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task The_published_app_started_as_the_image_entrypoint_serves_passes_the_health_check_and_exits_0_on_SIGTERM()
    {
        var (proxyPort, adminPort) = Ports();
        const string token = "test-admin-token";
        var launch = await PrepareAsync(Manifest(proxyPort, adminPort, adminToken: "${env:HOMELABGATE_ADMIN_TOKEN}"), stateWritable: true);
        using var daemon = launch.Start(new Dictionary<string, string> { ["HOMELABGATE_ADMIN_TOKEN"] = token });

        await daemon.WaitForAsync(_http, () => Admin(adminPort, "/healthz", token), HttpStatusCode.OK, StartDeadline);
        var body = await daemon.WaitForAsync(_http, () => Hello(proxyPort), HttpStatusCode.OK, StartDeadline);
        Assert.Equal("served from the image layout\n", body);

        var health = await HealthCheckAsync(adminPort, token);
        Assert.True(health.ExitCode == 0, $"HEALTHCHECK failed: {health}");
        Assert.True(File.Exists(_temp.Combine("data", "applied.json")), "nothing was written to the state dir");
        Assert.DoesNotContain("Overriding address", daemon.Log, StringComparison.Ordinal);

        var (exitCode, took) = await daemon.TerminateAsync(StopBound);
        Assert.True(exitCode == 0, $"exit {exitCode} after SIGTERM:\n{daemon.Log}");
        Assert.True(took < StopBound, $"took {took}");
    }

    [Fact]
    public async Task The_health_check_fails_when_no_daemon_answers()
    {
        var (_, adminPort) = Ports();
        var health = await HealthCheckAsync(adminPort, token: null);
        Assert.NotEqual(0, health.ExitCode);
    }

    [Fact]
    public async Task An_unwritable_state_directory_stops_start_up_with_a_message_that_names_it()
    {
        var (proxyPort, adminPort) = Ports();
        var launch = await PrepareAsync(Manifest(proxyPort, adminPort), stateWritable: false);
        using var daemon = launch.Start();

        var exitCode = daemon.WaitForExit(StartDeadline);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"the state directory {_temp.Combine("data")} is not writable", daemon.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_manifest_stops_start_up_with_a_message_that_names_its_path()
    {
        var launch = await PrepareAsync(manifest: null, stateWritable: true);
        using var daemon = launch.Start();

        var exitCode = daemon.WaitForExit(StartDeadline);

        Assert.NotEqual(0, exitCode);
        var manifest = _temp.Combine("config", "homelab.yaml");
        Assert.Contains($"manifest '{manifest}' does not exist", daemon.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    private static (int Proxy, int Admin) Ports()
    {
        var ports = FreePorts.Take(2);
        return (ports[0], ports[1]);
    }

    /// <summary>config/ (read-only for the daemon, with the manifest unless null) and data/ (the daemon's own, or
    /// root's and so unwritable for it).</summary>
    private async Task<ImageLaunch> PrepareAsync(string? manifest, bool stateWritable)
    {
        Permissions.MakeTraversable(_temp.Path);
        var config = _temp.CreateDirectory("config");
        if (manifest is not null)
        {
            File.WriteAllText(Path.Combine(config, "homelab.yaml"), manifest);
        }
        Permissions.MakeReadOnlyForDaemon(config);
        var data = _temp.CreateDirectory("data");
        if (stateWritable)
        {
            await NonRootUser.OwnAsync(data);
        }
        else
        {
            Permissions.MakeReadOnlyForDaemon(data);
        }
        return new ImageLaunch(_dockerfile, gate.PublishDirectory, config, data);
    }

    /// <summary>The Dockerfile's HEALTHCHECK command, through sh as Docker runs it, with the admin port of this test and
    /// the admin token in the environment when one is given (env -u: the test host's own must not leak in).</summary>
    private Task<ProcessResult> HealthCheckAsync(int adminPort, string? token)
    {
        var arguments = _dockerfile.Single("HEALTHCHECK").Arguments;
        var command = arguments[(arguments.IndexOf(" CMD ", StringComparison.Ordinal) + 5)..]
            .Replace("127.0.0.1:9180", $"127.0.0.1:{adminPort}", StringComparison.Ordinal);
        string[] env = token is null ? ["-u", "HOMELABGATE_ADMIN_TOKEN"] : [$"HOMELABGATE_ADMIN_TOKEN={token}"];
        return ProcessRunner.RunAsync("env", [.. env, "/bin/sh", "-c", command], timeout: TimeSpan.FromSeconds(30));
    }

    private static HttpRequestMessage Hello(int proxyPort) =>
        new(HttpMethod.Get, $"http://127.0.0.1:{proxyPort}/") { Headers = { Host = "hello.home.test" } };

    private static HttpRequestMessage Admin(int adminPort, string path, string token) =>
        new(HttpMethod.Get, $"http://127.0.0.1:{adminPort}{path}") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static string Manifest(int proxyPort, int adminPort, string? adminToken = null) => $$"""
        version: 1
        settings:
          listen:
            http: "127.0.0.1:{{proxyPort}}"
          admin: "127.0.0.1:{{adminPort}}"
        {{(adminToken is null ? "" : $"  adminToken: \"{adminToken}\"")}}
        hosts:
          hello:
            domains: [hello.home.test]
            respond:
              status: 200
              body: "served from the image layout\n"
        """;
}
