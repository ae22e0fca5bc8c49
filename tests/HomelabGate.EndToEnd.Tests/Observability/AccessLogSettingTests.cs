using System.Text.Json.Nodes;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>With <c>--log-format json</c> each access log line is one JSON object with a field per value, and
/// <c>settings.accessLog: false</c> turns the lines off on reload, without a restart.</summary>
public sealed class AccessLogSettingTests(AccessLogSettingTests.Daemon daemon) : IClassFixture<AccessLogSettingTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    private JsonObject? AccessLine(string path) => Gate.Output.Split('\n')
        .Where(l => l.StartsWith("out| {", StringComparison.Ordinal))
        .Select(l => JsonNode.Parse(l[5..])!.AsObject())
        .FirstOrDefault(j => (string?)j["Category"] == "HomelabGate.Access" && (string?)j["State"]?["Path"] == path);

    [Fact]
    public async Task Json_lines_carry_each_field_and_stop_when_the_manifest_turns_the_log_off()
    {
        Assert.Equal(200, (await Gate.GetAsync("hello.test", "/first?password=hunter2")).Status);
        var line = await Poll.UntilAsync(() => Task.FromResult(AccessLine("/first?password=REDACTED")), l => l is not null,
            "the JSON access log line appears", context: () => Gate.Output);

        var state = line!["State"]!;
        Assert.Equal("Information", (string?)line["LogLevel"]);
        Assert.Equal("hello.test", (string?)state["Host"]);
        Assert.Equal("GET", (string?)state["Method"]);
        Assert.Equal("200", state["Status"]!.ToString());
        Assert.Equal("-", (string?)state["Upstream"]);
        Assert.Equal("127.0.0.1", (string?)state["ClientIp"]);
        Assert.True(double.TryParse(state["DurationMs"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.DoesNotContain("hunter2", Gate.Output);

        await daemon.ServeAsync(Daemon.Manifest.Replace("settings:\n", "settings:\n  accessLog: false\n", StringComparison.Ordinal));
        Assert.Equal(200, (await Gate.GetAsync("hello.test", "/second")).Status);
        Assert.Equal(200, (await Gate.GetAsync("hello.test", "/third")).Status);

        // Turned on again, a later request's line marks the point by which any line of the two would have been written.
        await daemon.ServeAsync(Daemon.Manifest);
        Assert.Equal(200, (await Gate.GetAsync("hello.test", "/fourth")).Status);
        await Poll.UntilAsync(() => Task.FromResult(AccessLine("/fourth")), l => l is not null, "logging is on again", context: () => Gate.Output);
        Assert.Null(AccessLine("/second"));
        Assert.Null(AccessLine("/third"));
    }

    /// <summary>A daemon started with <c>--log-format json</c> (the shared <see cref="GateFixture"/> takes no arguments).</summary>
    public sealed class Daemon : IAsyncLifetime
    {
        public const string Manifest = Manifests.Header + """
            hosts:
              hello:
                domains: [hello.test]
                respond:
                  body: hello
            """;

        public GateWorkspace Workspace { get; } = GateWorkspace.Create();

        public GateProcess Gate { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Workspace.WriteManifest(Manifest);
            Gate = await GateProcess.StartAsync(Workspace, "--log-format", "json");
        }

        public async Task ServeAsync(string template) => await Gate.WaitUntilServingAsync(Workspace.WriteManifest(template));

        public async Task DisposeAsync()
        {
            if (Gate is not null)
            {
                await Gate.DisposeAsync();
            }
            Workspace.Dispose();
        }
    }
}
