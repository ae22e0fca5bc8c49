using System.Text.Json.Nodes;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>A broken edit is rejected whole: the last good configuration keeps serving, /api/status says why with
/// file:line:column, and the next good edit is served.</summary>
public sealed class InvalidManifestTests : IAsyncLifetime
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();
    private Upstreams _upstreams = null!;
    private GateProcess _gate = null!;

    public static TheoryData<string, string, string, string> BrokenManifests => new()
    {
        {
            "YAML syntax error (a key indented one space too little)",
            Manifests.Header + """
                hosts:
                  alpha:
                    domains: [alpha.test]
                   to: http://127.0.0.1:9
                """,
            "to: http://127.0.0.1:9",
            "HG1005"
        },
        {
            "schema error (a status that is not a number)",
            Manifests.Header + """
                hosts:
                  alpha:
                    domains: [alpha.test]
                    respond:
                      status: "two hundred"
                """,
            "\"two hundred\"",
            "HG2002"
        },
        {
            "reference to an upstream that is not defined",
            Manifests.Header + """
                upstreams:
                  media:
                    targets: ["http://127.0.0.1:9"]
                hosts:
                  alpha:
                    domains: [alpha.test]
                    upstream: nowhere
                """,
            "nowhere",
            "HG3001"
        },
    };

    public async Task InitializeAsync()
    {
        _upstreams = await Upstreams.StartAsync("alpha", "beta");
        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"])));
        _gate = await GateProcess.StartAsync(_workspace);
    }

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public async Task A_broken_edit_is_rejected_with_its_location_while_the_last_good_configuration_keeps_serving(
        string problem, string broken, string marker, string code)
    {
        var servingBefore = (string?)(await _gate.StatusAsync())["servingManifestHash"];

        var written = _workspace.WriteManifest(broken);

        var status = await WaitForInvalidAsync(problem);
        var diagnostics = Diagnostics(status);
        Assert.Contains(diagnostics, d => d.StartsWith($"{SourcePosition.Of(written, marker)}: error {code}:", StringComparison.Ordinal));
        Assert.Equal(servingBefore, (string?)status["servingManifestHash"]);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("alpha", (await _gate.EchoAsync("alpha.test")).Upstream);
        }
        await FixAndExpectTheFixServedAsync();
    }

    [Fact]
    public async Task A_flow_list_left_open_before_the_next_key_is_rejected_and_later_edits_still_reload()
    {
        var written = _workspace.WriteManifest(Manifests.Header + """
            hosts:
              alpha:
                domains: [alpha.test
                to: http://127.0.0.1:9
            """);

        var status = await WaitForInvalidAsync("an unclosed flow sequence");
        Assert.Contains(Diagnostics(status), d => d.StartsWith("homelab.yaml:", StringComparison.Ordinal) && d.Contains(": error HG1005:", StringComparison.Ordinal));
        Assert.Contains("domains: [alpha.test", written);
        Assert.Equal("alpha", (await _gate.EchoAsync("alpha.test")).Upstream);
        await FixAndExpectTheFixServedAsync();
    }

    private async Task<JsonObject> WaitForInvalidAsync(string problem) =>
        await Poll.UntilAsync(_gate.StatusAsync, s => (string?)s["last"]?["result"] == "invalid",
            $"/api/status reports the manifest with a {problem} as invalid", context: () => _gate.Output);

    private static List<string> Diagnostics(JsonObject status) =>
        status["last"]!["diagnostics"]!.AsArray().Select(d => (string)d!).ToList();

    private async Task FixAndExpectTheFixServedAsync()
    {
        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"]), ("beta", _upstreams["beta"])));

        await _gate.WaitUntilServedByAsync("beta.test", _upstreams["beta"]);
        var status = await _gate.StatusAsync();
        Assert.Equal("applied", (string?)status["last"]?["result"]);
        Assert.Empty(Diagnostics(status));
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        await _upstreams.DisposeAsync();
        _workspace.Dispose();
    }
}
